package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Publishing stopped part-way and completed, on local disk. */
class InterruptedPublishTest extends InterruptedPublishing {

    private final Path work = TestScratch.newDirectory("interrupted-publish");
    private final Configuration conf = new Configuration();

    static IntStream everyStep() {
        return IntStream.rangeClosed(0, PublishScenario.STEPS);
    }

    @ParameterizedTest(name = "stopped after {0} steps")
    @MethodSource("everyStep")
    void publishingStoppedAfterAnyStepIsCompletedByTheNextRun(int stepsDone) throws IOException {
        stoppedAfterIsCompletedByTheNextRun(stepsDone);
    }

    @Override
    String outputs() {
        return work.toUri().toString().replaceAll("/$", "");
    }

    @Override
    Configuration conf() {
        return conf;
    }
}

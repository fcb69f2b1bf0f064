package dev.audiopipeline.pipeline.store;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Publishing stopped part-way on a remote filesystem, where every step costs seconds: each kind of step. */
abstract class RemoteInterruptedPublishing extends InterruptedPublishing {

    /**
     * The plan written and nothing moved, after the first move, between two moves, after the last move before the
     * deletes, between the deletes.
     */
    @ParameterizedTest(name = "stopped after {0} steps")
    @ValueSource(ints = {0, 1, 2, 4, 5})
    void publishingStoppedAtEachKindOfStepIsCompletedByTheNextRun(int stepsDone) throws IOException {
        stoppedAfterIsCompletedByTheNextRun(stepsDone);
    }
}

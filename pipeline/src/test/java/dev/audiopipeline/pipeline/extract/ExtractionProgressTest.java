package dev.audiopipeline.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(SparkTestSession.class)
class ExtractionProgressTest {

    @Test
    void countsWhatTasksReport(SparkSession spark) {
        try (ExtractionProgress progress = new ExtractionProgress(spark.sparkContext(), "extract", 10, 60,
                LoggerFactory.getLogger(ExtractionProgressTest.class))) {
            ExtractionProgress.Counters counters = progress.counters();
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(2, 3, 2), 3)
                    .foreach(segments -> {
                        counters.files().add(1);
                        counters.segments().add(segments);
                    });
            assertThat(progress.line()).startsWith("3/10 files, 7 segments, ").endsWith(" files/s");
        }
    }
}

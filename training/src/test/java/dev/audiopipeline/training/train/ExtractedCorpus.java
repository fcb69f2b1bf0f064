package dev.audiopipeline.training.train;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.corpus.GenreStyle;
import dev.audiopipeline.pipeline.corpus.SyntheticCorpus;
import dev.audiopipeline.pipeline.extract.FeatureExtractionJob;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.trainer.TrainerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Small labelled corpora of the generated styles, extracted once per test JVM and shared by the training,
 * bundle and evaluation tests: 3-s segments of MFCC, log-mel and contrast, 20 % of the tracks held out.
 */
public final class ExtractedCorpus {

    private static final Map<String, String> EXTRACTED = new HashMap<>();

    private ExtractedCorpus() {}

    /** Four clearly different styles, 10 tracks of 9 s each (three segments): 120 segments. */
    public static synchronized String fourStyles(SparkSession spark) {
        return extracted(spark, "four-styles", new SyntheticCorpus(
                java.util.List.of(style("classical"), style("hiphop"), style("metal"), style("reggae")),
                10, 9, 22050, 7));
    }

    private static String denseBundle;

    /** A dense network trained (on the driver, briefly) on {@link #fourStyles}: a bundle for scoring tests. */
    public static synchronized String denseBundle(SparkSession spark) {
        if (denseBundle == null) {
            try {
                String uri = TestScratch.newDirectory("bundle").resolve("dense").toUri().toString();
                TrainingSettings d = TrainingSettings.defaults(ModelKind.DENSE);
                new TrainingJob(spark, "test").run(fourStyles(spark), new TrainingSettings(ModelKind.DENSE, d.lstm(),
                        d.cnn(), d.merged(), d.dense(), new TrainerSettings(15, 5), 16, d.validationFraction(),
                        d.testFraction(), d.seed(), TrainingSettings.Mode.LOCAL, 0, 1, 0, null), uri);
                denseBundle = uri;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return denseBundle;
    }

    public static GenreStyle style(String label) {
        return GenreStyle.GTZAN_LIKE.stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private static String extracted(SparkSession spark, String name, SyntheticCorpus corpus) {
        return EXTRACTED.computeIfAbsent(name, n -> {
            try {
                Path root = TestScratch.newDirectory("corpus-" + n);
                corpus.write(root.resolve("audio"), 2);
                String output = root.resolve("features").toUri().toString();
                ExtractionSettings settings = new ExtractionSettings(FeatureSettings.defaults(),
                        SegmentSettings.defaults(), 600);
                new FeatureExtractionJob(spark).run(new AudioInputLister(spark.sparkContext().hadoopConfiguration(),
                        new TrackSplit(0.2)).list(root.resolve("audio").toUri().toString()), settings, output);
                return output;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

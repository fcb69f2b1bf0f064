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
final class ExtractedCorpus {

    private static final Map<String, String> EXTRACTED = new HashMap<>();

    private ExtractedCorpus() {}

    /** Four clearly different styles, 10 tracks of 9 s each (three segments): 120 segments. */
    static synchronized String fourStyles(SparkSession spark) {
        return extracted(spark, "four-styles", new SyntheticCorpus(
                java.util.List.of(style("classical"), style("hiphop"), style("metal"), style("reggae")),
                10, 9, 22050, 7));
    }

    private static GenreStyle style(String label) {
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

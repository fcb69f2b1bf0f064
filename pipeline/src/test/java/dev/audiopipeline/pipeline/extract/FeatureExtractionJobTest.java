package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.store.ExtractionStore;
import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.features.augment.SegmentAugmenter;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class FeatureExtractionJobTest {

    private static final int RATE = 22050;
    private static final ExtractionSettings SETTINGS = new ExtractionSettings(FeatureSettings.defaults(),
            new SegmentSettings(3, 3, SegmentSettings.TailPolicy.DROP, 0.5, 600), 600);

    private final Path work = TestScratch.newDirectory("extract");

    @Test
    void writesSegmentsRejectionsSummaryAndSettings(SparkSession spark) throws IOException {
        Path root = work.resolve("corpus");
        float[] rockA = tone(7.0, 220);
        wav(root.resolve("rock/a.wav"), rockA);
        flac(root.resolve("rock/b c.flac"), tone(6.0, 330));
        wav(root.resolve("jazz/c.wav"), tone(3.5, 440));
        Files.writeString(root.resolve("jazz/notes.mp3"), "not audio", StandardCharsets.UTF_8);
        wav(root.resolve("jazz/short.wav"), tone(1.0, 440));
        InputListing listing = new AudioInputLister(spark.sparkContext().hadoopConfiguration(), new TrackSplit(0.2))
                .list(root.toUri().toString());
        String output = work.resolve("out").toUri().toString();

        ExtractionSummary summary = new FeatureExtractionJob(spark).run(listing, SETTINGS, output);

        assertThat(summary).extracting(ExtractionSummary::filesSeen, ExtractionSummary::filesOk,
                ExtractionSummary::filesRejected, ExtractionSummary::segments, ExtractionSummary::audioSeconds)
                .containsExactly(5L, 3L, 2L, 5L, 15.0);

        Dataset<Row> features = spark.read().parquet(output + "/features");
        assertThat(ExtractionStore.at(output, spark.sparkContext().hadoopConfiguration()).dataFiles(
                new org.apache.hadoop.fs.Path(output, "features"))).isNotEmpty()
                .allSatisfy(file -> assertThat(file.getName()).endsWith(".lz4raw.parquet"));
        assertThat(features.columns()).containsExactly("track_id", "path", "label", "split", "segment", "variant", "start_s",
                "duration_s", "sample_rate", "mfcc", "logmel", "contrast", "stats", "config_hash", "source_size",
                "source_mtime_ms", "run");
        List<Row> rows = features.orderBy("path", "segment").collectAsList();
        assertThat(rows).extracting(r -> r.getString(1).replaceAll(".*/corpus/", ""), r -> r.getString(2),
                        r -> r.getInt(4), r -> r.getDouble(6))
                .containsExactly(
                        tuple("jazz/c.wav", "jazz", 0, 0.0),
                        tuple("rock/a.wav", "rock", 0, 0.0), tuple("rock/a.wav", "rock", 1, 3.0),
                        tuple("rock/b c.flac", "rock", 0, 0.0), tuple("rock/b c.flac", "rock", 1, 3.0));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getString(13)).isEqualTo(SETTINGS.features().hash());
            assertThat(row.getInt(8)).isEqualTo(RATE);
            assertThat(row.getString(3)).isIn("train", "test");
            assertThat(row.getString(16)).isEqualTo(summary.run());
        });

        // The stored matrices are the kernel's, on the same samples: segment 1 of a.wav is samples [3 s, 6 s).
        float[] segment = Arrays.copyOfRange(rockA, 3 * RATE, 6 * RATE);
        FeatureResult expected = FeatureExtractor.forSettings(SETTINGS.features())
                .extract(segment, EnumSet.of(Feature.MFCC, Feature.LOGMEL, Feature.CONTRAST));
        Row a1 = rows.get(2);
        assertThat(a1.getLong(14)).isEqualTo(Files.size(root.resolve("rock/a.wav")));
        assertThat(a1.getLong(15)).isEqualTo(Files.getLastModifiedTime(root.resolve("rock/a.wav")).toMillis());
        assertThat(matrix(a1, 9)).isDeepEqualTo(expected.mfcc());
        assertThat(matrix(a1, 10)).isDeepEqualTo(expected.logMel());
        assertThat(matrix(a1, 11)).isDeepEqualTo(expected.contrast());
        double[] stats = a1.<Double>getList(12).stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(stats).containsExactly(expected.statistics(ExtractionSettings.MATRICES).values());

        List<Row> rejected = spark.read().parquet(output + "/rejected").orderBy("path").collectAsList();
        assertThat(rejected).extracting(r -> r.getString(0).replaceAll(".*/corpus/", ""), r -> r.getString(1))
                .containsExactly(tuple("jazz/notes.mp3", "unsupported_format"), tuple("jazz/short.wav", "too_short"));
        assertThat(rejected.get(1).getString(2)).contains("short.wav").contains("shorter than one 3.00 s segment");

        // Matrices are LIST groups of LIST groups of `repeated float` (Spark's legacy list layout, chosen for
        // speed), written only for the job's own writes: the session's setting is left as it was.
        org.apache.hadoop.fs.Path dataFile = ExtractionStore.at(output, spark.sparkContext().hadoopConfiguration())
                .dataFiles(new org.apache.hadoop.fs.Path(output, "features")).get(0);
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(dataFile,
                spark.sparkContext().hadoopConfiguration()))) {
            GroupType logmel = reader.getFileMetaData().getSchema().getType("logmel").asGroupType();
            assertThat(logmel.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
            GroupType frame = logmel.getType(0).asGroupType().getType(0).asGroupType();
            assertThat(frame.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
            assertThat(frame.getType(0).isPrimitive()).isTrue();
            assertThat(frame.getType(0).isRepetition(Type.Repetition.REPEATED)).isTrue();
            assertThat(frame.getType(0).asPrimitiveType().getPrimitiveTypeName())
                    .isEqualTo(PrimitiveType.PrimitiveTypeName.FLOAT);
        }
        assertThat(spark.conf().get("spark.sql.parquet.writeLegacyFormat")).isEqualTo("false"); // Spark's default

        ObjectMapper json = new ObjectMapper();
        JsonNode written = json.readTree(work.resolve("out/_summary.json").toFile());
        assertThat(written.get("files_seen").asLong()).isEqualTo(5);
        assertThat(written.get("segments").asLong()).isEqualTo(5);
        assertThat(written.get("wall_seconds").asDouble()).isPositive();
        JsonNode settings = json.readTree(work.resolve("out/_feature_settings.json").toFile());
        assertThat(settings.get("config_hash").asText()).isEqualTo(SETTINGS.features().hash());
        assertThat(settings.get("stats_names")).hasSize(stats.length);
        assertThat(settings.get("features").get("n_mfcc").asInt()).isEqualTo(13);
    }

    @Test
    void augmentedVariantsAreAddedForTrainingTracksOnly(SparkSession spark) throws IOException {
        Path root = work.resolve("split");
        float[] train = tone(7.0, 220);
        wav(root.resolve("train/rock/a.wav"), train);
        wav(root.resolve("test/rock/b.wav"), tone(3.5, 330));
        InputListing listing = new AudioInputLister(spark.sparkContext().hadoopConfiguration(), new TrackSplit(0.2))
                .list(root.toUri().toString());
        AugmentationSettings augmentation = AugmentationSettings.builder().variants(2).build();
        ExtractionSettings settings = new ExtractionSettings(SETTINGS.features(), SETTINGS.segments(), 600,
                augmentation);
        String output = work.resolve("augmented").toUri().toString();

        ExtractionSummary summary = new FeatureExtractionJob(spark).run(listing, settings, output);

        assertThat(summary.segments()).isEqualTo(2 * 3 + 1);
        List<Row> rows = spark.read().parquet(output + "/features").orderBy("path", "segment", "variant")
                .collectAsList();
        assertThat(rows).extracting(r -> r.getString(1).replaceAll(".*/split/", ""), r -> r.getString(3),
                        r -> r.getInt(4), r -> r.getInt(5))
                .containsExactly(tuple("test/rock/b.wav", "test", 0, 0),
                        tuple("train/rock/a.wav", "train", 0, 0), tuple("train/rock/a.wav", "train", 0, 1),
                        tuple("train/rock/a.wav", "train", 0, 2), tuple("train/rock/a.wav", "train", 1, 0),
                        tuple("train/rock/a.wav", "train", 1, 1), tuple("train/rock/a.wav", "train", 1, 2));
        // Variant 2 of segment 1 is the kernel on the augmenter's output for that track, segment and variant.
        Row a12 = rows.get(6);
        float[] variant = new SegmentAugmenter(augmentation, RATE)
                .variant(Arrays.copyOfRange(train, 3 * RATE, 6 * RATE), a12.getString(0), 1, 2);
        FeatureResult expected = FeatureExtractor.forSettings(SETTINGS.features())
                .extract(variant, ExtractionSettings.MATRIX_SET);
        assertThat(matrix(a12, 9)).isDeepEqualTo(expected.mfcc());
        assertThat(matrix(a12, 9)).isNotEqualTo(matrix(rows.get(4), 9));
        JsonNode stored = new ObjectMapper().readTree(work.resolve("augmented/_feature_settings.json").toFile());
        assertThat(stored.get("augmentation").get("variants").asInt()).isEqualTo(2);
    }

    @Test
    void storesOnlyTheChosenMatricesInTheSameSchema(SparkSession spark) throws IOException {
        Path root = work.resolve("choice");
        float[] samples = tone(6.0, 220);
        wav(root.resolve("rock/a.wav"), samples);
        InputListing listing = new AudioInputLister(spark.sparkContext().hadoopConfiguration(), new TrackSplit(0.2))
                .list(root.toUri().toString());
        ExtractionSettings lstm = SETTINGS.storing(List.of(Feature.MFCC));
        String output = work.resolve("mfcc-only").toUri().toString();

        new FeatureExtractionJob(spark).run(listing, lstm, output);

        Dataset<Row> features = spark.read().parquet(output + "/features");
        assertThat(features.schema().fields()).hasSize(17);
        assertThat(features.drop("run").schema()).isEqualTo(spark.read().schema(FeaturesTable.SCHEMA)
                .parquet(output + "/features").drop("run").schema());
        List<Row> rows = features.orderBy("segment").collectAsList();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.isNullAt(9)).as("mfcc").isFalse();
            assertThat(row.isNullAt(10)).as("logmel").isTrue();
            assertThat(row.isNullAt(11)).as("contrast").isTrue();
        });
        FeatureResult expected = FeatureExtractor.forSettings(SETTINGS.features())
                .extract(Arrays.copyOfRange(samples, 3 * RATE, 6 * RATE), ExtractionSettings.MATRIX_SET);
        assertThat(matrix(rows.get(1), 9)).isDeepEqualTo(expected.mfcc());
        // The statistics still cover all three matrices.
        double[] stats = rows.get(1).<Double>getList(12).stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(stats).containsExactly(expected.statistics(ExtractionSettings.MATRICES).values());
        JsonNode stored = new ObjectMapper().readTree(work.resolve("mfcc-only/_feature_settings.json").toFile());
        assertThat(stored.get("matrices").toString()).isEqualTo("[\"mfcc\"]");

        // Another choice is other settings: an incremental run into this output is refused, naming it.
        assertThatThrownBy(() -> new FeatureExtractionJob(spark).run(listing, SETTINGS, output, true))
                .hasMessageContaining("matrices");
    }

    @Test
    void refusesAnOutputThatAlreadyHoldsFeatures(SparkSession spark) throws IOException {
        Path root = work.resolve("small");
        wav(root.resolve("x/a.wav"), tone(3.0, 440));
        InputListing listing = new AudioInputLister(spark.sparkContext().hadoopConfiguration(), new TrackSplit(0.2))
                .list(root.toUri().toString());
        String output = work.resolve("out2").toUri().toString();
        new FeatureExtractionJob(spark).run(listing, SETTINGS, output);
        long before = Files.getLastModifiedTime(work.resolve("out2/_summary.json")).toMillis();

        assertThatThrownBy(() -> new FeatureExtractionJob(spark).run(listing, SETTINGS, output))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("already holds extracted features");
        assertThat(Files.getLastModifiedTime(work.resolve("out2/_summary.json")).toMillis()).isEqualTo(before);
    }

    private static float[][] matrix(Row row, int column) {
        List<List<Float>> frames = row.getList(column).stream().map(frame -> {
            @SuppressWarnings("unchecked")
            List<Float> values = scala.collection.JavaConverters.seqAsJavaList((scala.collection.Seq<Float>) frame);
            return values;
        }).toList();
        float[][] out = new float[frames.size()][];
        for (int t = 0; t < out.length; t++) {
            out[t] = new float[frames.get(t).size()];
            for (int c = 0; c < out[t].length; c++) {
                out[t][c] = frames.get(t).get(c);
            }
        }
        return out;
    }

    private static float[] tone(double seconds, double hz) {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / RATE) + 0.1 * Math.sin(2 * Math.PI * 3 * hz * i / RATE));
        }
        return samples;
    }

    private static void wav(Path file, float[] samples) throws IOException {
        Files.createDirectories(file.getParent());
        WavWriter.of(WavWriter.Encoding.FLOAT_32).write(file, samples, RATE);
    }

    private static void flac(Path file, float[] samples) throws IOException {
        short[] pcm = new short[samples.length];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(samples[i] * 32767);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, FfmpegTestEncoder.encode("flac", "flac", 0, null, RATE, new short[][] {pcm}));
    }
}

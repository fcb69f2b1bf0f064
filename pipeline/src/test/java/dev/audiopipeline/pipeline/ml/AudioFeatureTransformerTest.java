package dev.audiopipeline.pipeline.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import dev.audiopipeline.pipeline.decode.TestTones;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class AudioFeatureTransformerTest {

    private static final int RATE = 22050;
    private static final StructType PATHS = new StructType().add("path", "string").add("label", "string");

    private static Path corpus;
    private static float[] rockA;
    private static byte[] rockB;

    /** a.wav: 7 s (2 segments), b.flac: 6 s (2), notes.mp3: text, short.wav: 1 s (less than a segment). */
    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = TestScratch.newDirectory("ml-corpus");
        rockA = tone(7.0, 220);
        WavWriter.of(WavWriter.Encoding.FLOAT_32).write(corpus.resolve("a.wav"), rockA, RATE);
        rockB = flac(tone(6.0, 330));
        Files.write(corpus.resolve("b.flac"), rockB);
        Files.writeString(corpus.resolve("notes.mp3"), "not audio", StandardCharsets.UTF_8);
        WavWriter.of(WavWriter.Encoding.PCM_16).write(corpus.resolve("short.wav"), tone(1.0, 440), RATE);
    }

    @Test
    void pathRowsGiveOneRowPerSegmentWithTheKernelsFeaturesAndOneErrorRowPerBadInput(SparkSession spark)
            throws IOException {
        Dataset<Row> inputs = spark.createDataFrame(List.of(
                RowFactory.create(uri("a.wav"), "rock"), RowFactory.create(uri("b.flac"), "rock"),
                RowFactory.create(uri("notes.mp3"), "jazz"), RowFactory.create(uri("short.wav"), "jazz"),
                RowFactory.create(uri("missing.wav"), "jazz"), RowFactory.create(null, "none")), PATHS);

        Dataset<Row> output = new AudioFeatureTransformer().transform(inputs);

        assertThat(output.columns()).containsExactly("path", "label", "segment", "start_s", "duration_s",
                "sample_rate", "mfcc", "logmel", "contrast", "stats", "config_hash", "error_reason", "error_detail");
        List<Row> rows = output.orderBy("path", "segment").collectAsList();
        assertThat(rows).extracting(r -> name(r.getString(0)), r -> r.getString(1), r -> r.get(2), r -> r.get(3),
                        r -> r.getString(11))
                .containsExactly(
                        tuple(null, "none", null, null, "unreadable"),
                        tuple("a.wav", "rock", 0, 0.0, null), tuple("a.wav", "rock", 1, 3.0, null),
                        tuple("b.flac", "rock", 0, 0.0, null), tuple("b.flac", "rock", 1, 3.0, null),
                        tuple("missing.wav", "jazz", null, null, "unreadable"),
                        tuple("notes.mp3", "jazz", null, null, "unsupported_format"),
                        tuple("short.wav", "jazz", null, null, "too_short"));
        assertThat(rows).allSatisfy(row -> assertThat(row.getString(10)).isEqualTo(FeatureSettings.defaults().hash()));
        assertThat(rows.get(0).getString(12)).isEqualTo("input column 'path' is null");
        assertThat(rows.get(7).getString(12)).contains("short.wav").contains("shorter than one 3.00 s segment");
        assertThat(rows.get(6)).satisfies(error -> {
            for (int column = 2; column <= 9; column++) {
                assertThat(error.isNullAt(column)).as("column %d", column).isTrue();
            }
        });

        // Segment 1 of a.wav (float WAV, no resampling) is samples [3 s, 6 s) of what was written.
        assertFeatures(rows.get(2), Arrays.copyOfRange(rockA, 3 * RATE, 6 * RATE));
        assertThat(rows.get(2).getDouble(4)).isEqualTo(3.0);
        assertThat(rows.get(2).getInt(5)).isEqualTo(RATE);
        // Segment 0 of b.flac: the first 3 s of what FLAC decodes to.
        assertFeatures(rows.get(3), Arrays.copyOf(decoded(rockB), 3 * RATE));
    }

    @Test
    void contentOfTheBinaryFileSourceGivesTheSameRowsAsPaths(SparkSession spark) {
        Dataset<Row> files = spark.read().format("binaryFile").load(corpus.toUri().toString());
        Dataset<Row> paths = files.select("path").withColumn("label", org.apache.spark.sql.functions.lit("x"));

        List<Row> fromContent = new AudioFeatureTransformer().setInputCol("content").transform(files)
                .drop("content", "modificationTime", "length").orderBy("path", "segment").collectAsList();
        List<Row> fromPaths = new AudioFeatureTransformer().transform(paths).drop("label")
                .orderBy("path", "segment").collectAsList();

        assertThat(fromContent).hasSize(6);
        assertThat(fromContent).extracting(r -> name(r.getString(0)), r -> r.get(1), r -> r.getString(10))
                .containsExactly(tuple("a.wav", 0, null), tuple("a.wav", 1, null), tuple("b.flac", 0, null),
                        tuple("b.flac", 1, null), tuple("notes.mp3", null, "unsupported_format"),
                        tuple("short.wav", null, "too_short"));
        // Everything but the error detail, which names the file by its URI or by the binary column.
        for (int i = 0; i < fromContent.size(); i++) {
            assertThat(values(fromContent.get(i)).subList(0, 11)).as("row %d", i)
                    .isEqualTo(values(fromPaths.get(i)).subList(0, 11));
        }
        assertThat(fromContent.get(5).getString(11)).startsWith("content: ");
    }

    @Test
    void transformSchemaNamesTheColumnAtFault() {
        AudioFeatureTransformer transformer = new AudioFeatureTransformer();
        StructType paths = new StructType().add("uri", "string").add("size", "long");

        assertThatThrownBy(() -> transformer.transformSchema(paths))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input column 'path' does not exist; columns: uri, size");
        assertThatThrownBy(() -> transformer.setInputCol("size").transformSchema(paths))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input column 'size' must be of type string (a URI) or binary (file content), but is "
                        + "bigint");
        assertThatThrownBy(() -> transformer.setInputCol("uri").transformSchema(paths.add("MFCC", "string")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output column 'mfcc' already exists in the input; rename or drop it first");

        StructType output = transformer.setInputCol("uri").transformSchema(paths);
        assertThat(output.fieldNames()).startsWith("uri", "size").endsWith(AudioFeatureColumns.ADDED.fieldNames());
        assertThat(output.apply("mfcc").dataType()).isEqualTo(
                DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, false), true));
        assertThat(transformer.setInputCol("bytes").transformSchema(new StructType().add("bytes", "binary"))
                .size()).isEqualTo(1 + AudioFeatureColumns.ADDED.size());
    }

    @Test
    void defaultsAreTheSettingsDefaultsAndEveryParamIsDeclared() {
        AudioFeatureTransformer transformer = new AudioFeatureTransformer();

        assertThat(transformer.featureSettings()).isEqualTo(FeatureSettings.defaults());
        assertThat(transformer.segmentSettings()).isEqualTo(SegmentSettings.defaults());
        assertThat(transformer.extractionSettings().fileTimeoutSeconds())
                .isEqualTo(ExtractionSettings.DEFAULT_FILE_TIMEOUT_SECONDS);
        assertThat(transformer.getFmax()).isNull();
        assertThat(Arrays.stream(transformer.params()).map(Param::name)).containsExactlyInAnyOrder(
                "inputCol", "sampleRate", "nFft", "hopLength", "nMels", "nMfcc", "fmin", "fmax", "lifter", "topDb",
                "contrastFmin", "contrastNBands", "contrastQuantile", "segmentSeconds", "segmentHopSeconds",
                "maxSeconds", "fileTimeoutSeconds");
        assertThat(Arrays.stream(transformer.params()).filter(p -> p.doc().isBlank())).isEmpty();
        assertThat(transformer.setTopDb(Double.POSITIVE_INFINITY).featureSettings().topDb()).isNull();
    }

    @Test
    void invalidParamsFailBeforeAnyDataNamingTheParam() {
        StructType paths = new StructType().add("path", "string");

        assertThatThrownBy(() -> new AudioFeatureTransformer().setNMfcc(200).transformSchema(paths))
                .hasMessageEndingWith("invalid value of param nMfcc: n_mfcc must be in [1, n_mels=128], got 200");
        assertThatThrownBy(() -> new AudioFeatureTransformer().setFmax(20000).transformSchema(paths))
                .hasMessageContaining("invalid value of param fmax: fmax must be <= sample_rate/2");
        assertThatThrownBy(() -> new AudioFeatureTransformer().setHopLength(0).transformSchema(paths))
                .hasMessageContaining("invalid value of param hopLength: hop_length must be > 0, got 0");
        assertThatThrownBy(() -> new AudioFeatureTransformer().setSegmentHopSeconds(-1).transformSchema(paths))
                .hasMessageContaining("invalid value of param segmentHopSeconds: segment_hop_seconds must be");
        assertThatThrownBy(() -> new AudioFeatureTransformer().setFileTimeoutSeconds(0).transformSchema(paths))
                .hasMessageContaining("invalid value of param fileTimeoutSeconds: file_timeout_seconds must be > 0");
        assertThatThrownBy(() -> new AudioFeatureTransformer().setContrastNBands(9).transformSchema(paths))
                .hasMessageContaining("params contrastFmin, contrastNBands, sampleRate and nFft do not fit together")
                .hasMessageContaining("Frequency band exceeds Nyquist");
    }

    @Test
    void nonDefaultParamsChangeTheHashAndTheShapes(SparkSession spark) {
        Dataset<Row> inputs = spark.createDataFrame(List.of(RowFactory.create(uri("a.wav"), "rock")), PATHS);
        AudioFeatureTransformer transformer = new AudioFeatureTransformer().setNMfcc(20).setNMels(64)
                .setHopLength(1024).setContrastNBands(4).setTopDb(Double.POSITIVE_INFINITY).setSegmentSeconds(2)
                .setSegmentHopSeconds(1).setMaxSeconds(4);
        FeatureSettings expected = FeatureSettings.builder().nMfcc(20).nMels(64).hopLength(1024).contrastNBands(4)
                .topDb(null).build();

        List<Row> rows = transformer.transform(inputs).orderBy("segment").collectAsList();

        // 4 s used, 2-s segments every second: starts 0, 1, 2; 2 s at hop 1024 is 1 + 44100 / 1024 = 44 frames.
        assertThat(rows).extracting(r -> r.getDouble(3)).containsExactly(0.0, 1.0, 2.0);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getString(10)).isEqualTo(expected.hash()).isNotEqualTo(FeatureSettings.defaults().hash());
            assertThat(shape(matrix(row, 6))).containsExactly(44, 20);
            assertThat(shape(matrix(row, 7))).containsExactly(44, 64);
            assertThat(shape(matrix(row, 8))).containsExactly(44, 5);
            assertThat(row.getList(9)).hasSize((20 + 64 + 5) * 6);
        });
        float[] second = Arrays.copyOfRange(rockA, RATE, 3 * RATE);
        FeatureResult kernel = FeatureExtractor.forSettings(expected).extract(second, ExtractionSettings.MATRIX_SET);
        assertThat(matrix(rows.get(1), 6)).isDeepEqualTo(kernel.mfcc());
    }

    @Test
    void copyKeepsTheUidAndAppliesTheExtraParams() {
        AudioFeatureTransformer original = new AudioFeatureTransformer().setInputCol("content");

        AudioFeatureTransformer copy = original.copy(new ParamMap().put(original.nMfcc(), 20));

        assertThat(copy).isNotSameAs(original);
        assertThat(copy.uid()).isEqualTo(original.uid());
        assertThat(copy.getNMfcc()).isEqualTo(20);
        assertThat(copy.getInputCol()).isEqualTo("content");
        assertThat(original.getNMfcc()).isEqualTo(FeatureSettings.defaults().nMfcc());
    }

    @Test
    void savedAndLoadedAloneOrInAPipelineModelItGivesTheSameOutput(SparkSession spark) throws IOException {
        Dataset<Row> inputs = spark.createDataFrame(List.of(RowFactory.create(uri("a.wav"), "rock"),
                RowFactory.create(uri("notes.mp3"), "jazz")), PATHS);
        AudioFeatureTransformer features = new AudioFeatureTransformer().setNMfcc(20).setFmax(8000.0)
                .setTopDb(Double.POSITIVE_INFINITY).setMaxSeconds(3);
        Path dir = TestScratch.newDirectory("ml-persist");

        features.save(dir.resolve("alone").toString());
        AudioFeatureTransformer loaded = AudioFeatureTransformer.load(dir.resolve("alone").toString());
        assertThat(loaded.uid()).isEqualTo(features.uid());
        assertThat(loaded.extractionSettings()).isEqualTo(features.extractionSettings());
        assertThat(loaded.getTopDb()).isEqualTo(Double.POSITIVE_INFINITY);

        SQLTransformer summary = new SQLTransformer().setStatement(
                "SELECT label, segment, stats, config_hash, error_reason FROM __THIS__");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {features, summary}).fit(inputs);
        List<Row> before = model.transform(inputs).orderBy("label", "segment").collectAsList();
        model.write().save(dir.resolve("model").toString());
        List<Row> after = PipelineModel.load(dir.resolve("model").toString()).transform(inputs)
                .orderBy("label", "segment").collectAsList();

        assertThat(before).extracting(r -> r.getString(0), r -> r.get(1), r -> r.getString(4))
                .containsExactly(tuple("jazz", null, "unsupported_format"), tuple("rock", 0, null));
        assertThat(before.get(1).getList(2)).hasSize((20 + 128 + 7) * 6);
        assertThat(after).extracting(AudioFeatureTransformerTest::values)
                .isEqualTo(before.stream().map(AudioFeatureTransformerTest::values).toList());
    }

    private static void assertFeatures(Row row, float[] samples) {
        FeatureResult expected = FeatureExtractor.forSettings(FeatureSettings.defaults())
                .extract(samples, ExtractionSettings.MATRIX_SET);
        assertThat(matrix(row, 6)).isDeepEqualTo(expected.mfcc());
        assertThat(matrix(row, 7)).isDeepEqualTo(expected.logMel());
        assertThat(matrix(row, 8)).isDeepEqualTo(expected.contrast());
        double[] stats = row.<Double>getList(9).stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(stats).containsExactly(expected.statistics(ExtractionSettings.MATRICES).values());
    }

    private static float[][] matrix(Row row, int column) {
        List<Object> frames = row.getList(column);
        float[][] out = new float[frames.size()][];
        for (int t = 0; t < out.length; t++) {
            @SuppressWarnings("unchecked")
            List<Float> values = scala.collection.JavaConverters.seqAsJavaList(
                    (scala.collection.Seq<Float>) frames.get(t));
            out[t] = new float[values.size()];
            for (int c = 0; c < out[t].length; c++) {
                out[t][c] = values.get(c);
            }
        }
        return out;
    }

    /**
     * A row's values with Scala sequences as Java lists, compared by {@code equals}: a NaN statistic (the skew of a
     * constant column) equals itself, where Scala's {@code ==} on sequences would not.
     */
    private static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
            values.add(javaValue(row.get(i)));
        }
        return values;
    }

    private static Object javaValue(Object value) {
        if (value instanceof scala.collection.Seq<?> seq) {
            return scala.collection.JavaConverters.seqAsJavaList(seq).stream()
                    .map(AudioFeatureTransformerTest::javaValue).toList();
        }
        return value;
    }

    private static int[] shape(float[][] matrix) {
        return new int[] {matrix.length, matrix[0].length};
    }

    private static float[] decoded(byte[] file) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(file), "b.flac")) {
            return TestTones.decodeAll(stream)[0];
        }
    }

    private static String uri(String file) {
        return corpus.resolve(file).toUri().toString();
    }

    /** The file name of a URI (the binaryFile source writes {@code file:/x}, {@code Path.toUri} {@code file:///x}). */
    private static String name(String uri) {
        return uri == null ? null : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static float[] tone(double seconds, double hz) {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / RATE)
                    + 0.1 * Math.sin(2 * Math.PI * 3 * hz * i / RATE));
        }
        return samples;
    }

    private static byte[] flac(float[] samples) throws IOException {
        short[] pcm = new short[samples.length];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(samples[i] * 32767);
        }
        return FfmpegTestEncoder.encode("flac", "flac", 0, null, RATE, new short[][] {pcm});
    }
}

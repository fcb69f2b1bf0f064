package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.track.ExtractionSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.TrackSplit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The same nightly scenario on a remote filesystem (HDFS, S3): a first run, a re-run that adds nothing, a run after
 * one file was added that processes exactly that file.
 */
final class RemoteExtraction {

    static final int RATE = 22050;
    static final ExtractionSettings SETTINGS = new ExtractionSettings(FeatureSettings.defaults(),
            SegmentSettings.defaults(), 600);

    private final SparkSession spark;
    private final Configuration conf;

    RemoteExtraction(SparkSession spark, Configuration conf) {
        this.spark = spark;
        this.conf = conf;
    }

    /** Writes a WAV tone of the given length. */
    void wav(String uri, double seconds, double hz) throws IOException {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WavWriter.of(WavWriter.Encoding.PCM_16).write(bytes, new float[][] {samples}, RATE);
        write(uri, bytes.toByteArray());
    }

    void text(String uri, String content) throws IOException {
        write(uri, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String uri, byte[] content) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        try (OutputStream out = fs.create(path, true)) {
            out.write(content);
        }
    }

    ExtractionSummary run(InputListing listing, String output, boolean incremental) throws IOException {
        return new FeatureExtractionJob(spark).run(listing, SETTINGS, output, incremental);
    }

    AudioInputLister lister() {
        return new AudioInputLister(conf, new TrackSplit(0.2));
    }

    /** Segment rows per path (file name only), checking no (path, segment) is stored twice. */
    Map<String, Integer> segmentsPerFile(String output) {
        List<Row> rows = spark.read().parquet(output + "/features").groupBy("path", "segment").count().collectAsList();
        Map<String, Integer> counts = new TreeMap<>();
        for (Row row : rows) {
            assertThat(row.getLong(2)).as("rows of %s segment %s", row.get(0), row.get(1)).isEqualTo(1);
            counts.merge(new Path(row.getString(0)).getName(), 1, Integer::sum);
        }
        return counts;
    }

    /** Rejected file names with their reasons. */
    Map<String, String> rejected(String output) {
        Map<String, String> reasons = new TreeMap<>();
        for (Row row : spark.read().parquet(output + "/rejected").select("path", "reason").collectAsList()) {
            assertThat(reasons.put(new Path(row.getString(0)).getName(), row.getString(1))).isNull();
        }
        return reasons;
    }
}

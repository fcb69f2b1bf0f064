package dev.audiopipeline.training.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.datasets.Normaliser;
import dev.audiopipeline.training.networks.DenseNetwork;
import dev.audiopipeline.training.networks.DenseSettings;
import dev.audiopipeline.training.networks.FeatureInput;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A bundle reads back exactly as written, and a damaged or mismatched one is refused naming the problem. */
class BundleStoreTest {

    private static final int STATS = 12;
    private final Configuration conf = new Configuration();
    private final Path work = TestScratch.newDirectory("bundles");

    @Test
    void aReloadedNetworkPredictsExactlyWhatItDidBeforeSavingAndKeepsItsUpdater() throws IOException {
        MultiLayerNetwork network = trainedABit();
        INDArray input = Nd4j.getRandomFactory().getNewRandomInstance(11).nextDouble(new long[] {5, STATS});
        INDArray before = network.output(input, false);
        String uri = write("whole", network);

        ModelBundle bundle = BundleStore.read(null, conf, uri);
        MultiLayerNetwork loaded = (MultiLayerNetwork) bundle.network();

        assertThat(loaded.output(input, false)).isEqualTo(before);
        assertThat(loaded.getUpdater().getStateViewArray()).isEqualTo(network.getUpdater().getStateViewArray());
        assertThat(bundle.labels().names()).containsExactly("a", "b", "c");
        assertThat(bundle.manifest().history()).hasSize(2);
        assertThat(bundle.manifest().history().get(1).validationAccuracy()).isNaN();
        assertThat(bundle.manifest().files()).containsOnlyKeys(BundleStore.NETWORK, BundleStore.NORMALISER);
        assertThat(bundle.encoder().normaliser().scale(FeatureInput.STATS).mean()).hasSize(STATS);
    }

    @Test
    void aDamagedFileIsNamed() throws IOException {
        String uri = write("damaged", trainedABit());
        Path zip = Path.of(java.net.URI.create(uri)).resolve(BundleStore.NETWORK);
        Files.write(zip, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> BundleStore.read(null, conf, uri)).isInstanceOf(BundleException.class)
                .hasMessageContaining("network.zip is damaged or was replaced");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        String uri = write("missing", trainedABit());
        Files.delete(Path.of(java.net.URI.create(uri)).resolve(BundleStore.NORMALISER));

        assertThatThrownBy(() -> BundleStore.read(null, conf, uri)).isInstanceOf(BundleException.class)
                .hasMessageContaining("normaliser.json is missing");
        assertThatThrownBy(() -> BundleStore.read(null, conf, work.resolve("nothing").toUri().toString()))
                .isInstanceOf(BundleException.class).hasMessageContaining("bundle.json is missing (no such directory)");
    }

    @Test
    void anotherFormatVersionOrSettingsThatDoNotMatchTheirHashAreRefused() throws IOException {
        String uri = write("edited", trainedABit());
        Path manifest = Path.of(java.net.URI.create(uri)).resolve(BundleStore.MANIFEST);
        ObjectMapper json = new ObjectMapper();
        ObjectNode original = (ObjectNode) json.readTree(manifest.toFile());

        ObjectNode future = original.deepCopy();
        future.put("format_version", 2);
        json.writeValue(manifest.toFile(), future);
        assertThatThrownBy(() -> BundleStore.read(null, conf, uri))
                .hasMessageContaining("bundle format version 2, this version of the product reads 1");

        ObjectNode edited = original.deepCopy();
        ((ObjectNode) edited.get("feature_settings").get("features")).put("n_mfcc", 20);
        json.writeValue(manifest.toFile(), edited);
        assertThatThrownBy(() -> BundleStore.read(null, conf, uri))
                .hasMessageContaining("feature settings cannot be used").hasMessageContaining("config_hash");
    }

    @Test
    void labelsThatTheNetworkDoesNotPredictAreRefused() throws IOException {
        String uri = write("labels", trainedABit());
        Path manifest = Path.of(java.net.URI.create(uri)).resolve(BundleStore.MANIFEST);
        ObjectMapper json = new ObjectMapper();
        ObjectNode edited = (ObjectNode) json.readTree(manifest.toFile());
        edited.putArray("labels").add("a").add("b");
        json.writeValue(manifest.toFile(), edited);

        assertThatThrownBy(() -> BundleStore.read(null, conf, uri))
                .hasMessageContaining("the network predicts 3 classes, bundle.json lists 2 labels");
    }

    @Test
    void aBundleIsNeverWrittenOverAnother() throws IOException {
        String uri = write("once", trainedABit());
        assertThatThrownBy(() -> write("once", trainedABit()))
                .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
        assertThat(BundleStore.read(null, conf, uri).labels().size()).isEqualTo(3);
    }

    private MultiLayerNetwork trainedABit() {
        MultiLayerNetwork network = new DenseNetwork(DenseSettings.defaults()).create(STATS, 3);
        INDArray features = Nd4j.getRandomFactory().getNewRandomInstance(5).nextDouble(new long[] {8, STATS});
        INDArray labels = Nd4j.zeros(8, 3);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        network.fit(features, labels);
        return network;
    }

    private String write(String name, MultiLayerNetwork network) throws IOException {
        double[] mean = new double[STATS];
        double[] std = new double[STATS];
        Arrays.fill(std, 2.0);
        Normaliser normaliser = new Normaliser(Map.of(FeatureInput.STATS, new Normaliser.Scale(mean, std)));
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "test", ModelKind.DENSE,
                List.of("a", "b", "c"), new ExtractionSettings(FeatureSettings.defaults(), SegmentSettings.defaults(),
                        600).asMap(), 0, Map.of("stats", STATS), Map.of("model", "dense"), Map.of(),
                List.of(new EpochRecord(1, 1.1, 1.0, Double.NaN, 0.5, 1.5),
                        new EpochRecord(2, 0.9, 0.95, Double.NaN, Double.NaN, 1.4)),
                1, "epochs_done", Map.of(), Map.of(), "2026-12-05T00:00:00Z", 3.0);
        String uri = work.resolve(name).toUri().toString();
        BundleStore.writeNetwork(conf, uri, manifest, network, normaliser);
        return uri;
    }
}

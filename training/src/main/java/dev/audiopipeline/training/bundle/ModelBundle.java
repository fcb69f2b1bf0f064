package dev.audiopipeline.training.bundle;

import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.datasets.ExampleEncoder;
import dev.audiopipeline.training.datasets.Normaliser;
import dev.audiopipeline.training.prediction.Labels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import org.apache.spark.ml.PipelineModel;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A model bundle as loaded and checked ({@link BundleStore#read}): its manifest, and either a DL4J network (kept
 * as the bytes of its model zip, so that it can be shipped to executors and loaded there once) with its
 * normaliser, or a Spark ML pipeline.
 */
public final class ModelBundle implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String uri;
    private final BundleManifest manifest;
    private final byte[] network;
    private final Normaliser normaliser;
    private final transient PipelineModel pipeline;

    ModelBundle(String uri, BundleManifest manifest, byte[] network, Normaliser normaliser, PipelineModel pipeline) {
        this.uri = uri;
        this.manifest = manifest;
        this.network = network;
        this.normaliser = normaliser;
        this.pipeline = pipeline;
    }

    public String uri() {
        return uri;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public ModelKind kind() {
        return manifest.kind();
    }

    public Labels labels() {
        return Labels.of(manifest.labels());
    }

    /** The feature and segment settings the model reads. */
    public ExtractionSettings featureSettings() {
        return ExtractionSettings.fromMap(manifest.featureSettings());
    }

    /** A name for reports: the bundle folder's name. */
    public String name() {
        String trimmed = uri.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The network's model zip, as stored (DL4J bundles). */
    byte[] networkBytes() {
        requireEngine(ModelKind.Engine.DL4J);
        return network;
    }

    /** A freshly deserialized copy of the network, updater included (DL4J bundles). */
    public Model network() {
        requireEngine(ModelKind.Engine.DL4J);
        return restore(network, kind());
    }

    /** The encoder of the network's inputs (DL4J bundles). */
    public ExampleEncoder encoder() {
        requireEngine(ModelKind.Engine.DL4J);
        return new ExampleEncoder(kind().network(), normaliser, manifest.frames(), labels());
    }

    /** The Spark ML pipeline (Spark ML bundles, on the driver). */
    public PipelineModel pipeline() {
        requireEngine(ModelKind.Engine.SPARK_ML);
        return pipeline;
    }

    static Model restore(byte[] zip, ModelKind kind) {
        try {
            return kind.network().isGraph()
                    ? ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip), true)
                    : ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), true);
        } catch (IOException | RuntimeException e) {
            throw new BundleException("the network cannot be loaded: " + e, e);
        }
    }

    private void requireEngine(ModelKind.Engine engine) {
        if (kind().engine() != engine) {
            throw new IllegalStateException(kind().cliName() + " is a " + kind().engine().code() + " model");
        }
    }
}

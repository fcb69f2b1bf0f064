package dev.audiopipeline.training.bundle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.baselines.BaselinePredictions;
import dev.audiopipeline.training.datasets.Normaliser;
import dev.audiopipeline.training.networks.FeatureInput;
import dev.audiopipeline.training.prediction.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Model bundles on any Hadoop filesystem:
 * <pre>
 * BUNDLE/bundle.json        the manifest ({@link BundleManifest}), with a SHA-256 of every other file
 * BUNDLE/network.zip        a DL4J network with its updater state (ModelSerializer), or
 * BUNDLE/pipeline/          a Spark ML PipelineModel (its own writer)
 * BUNDLE/normaliser.json    the per-coefficient standardisation a network's inputs get
 * </pre>
 * A bundle is written whole: into a hidden sibling folder, renamed into place at the end. Reading checks all of it
 * and says exactly what is wrong.
 */
public final class BundleStore {

    public static final String MANIFEST = "bundle.json";
    public static final String NETWORK = "network.zip";
    public static final String NORMALISER = "normaliser.json";
    public static final String PIPELINE = "pipeline";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private BundleStore() {}

    /**
     * The SHA-256 of a bundle's {@code bundle.json}, which lists every other file's: one value that names the model
     * exactly (what a score output records to tell whether a later run uses the same model).
     */
    public static String manifestDigest(Configuration conf, String uri) throws IOException {
        Path manifest = new Path(uri, MANIFEST);
        return sha256(fileSystem(manifest, conf), manifest);
    }

    /**
     * @throws org.apache.hadoop.fs.FileAlreadyExistsException if something is already at {@code uri}
     */
    public static void requireAbsent(Configuration conf, String uri) throws IOException {
        Path path = new Path(uri);
        if (path.getFileSystem(conf).exists(path)) {
            throw new org.apache.hadoop.fs.FileAlreadyExistsException(uri + " already exists: choose a new "
                    + "--output for the bundle (or delete the old one)");
        }
    }

    /** Writes a DL4J bundle: the network with its updater, its normaliser, the manifest. */
    public static void writeNetwork(Configuration conf, String uri, BundleManifest manifest, Model network,
                                    Normaliser normaliser) throws IOException {
        publish(conf, uri, staging -> {
            FileSystem fs = fileSystem(staging, conf);
            try (OutputStream out = fs.create(new Path(staging, NETWORK), false)) {
                ModelSerializer.writeModel(network, out, true);
            }
            try (OutputStream out = fs.create(new Path(staging, NORMALISER), false)) {
                JSON.writeValue(out, normaliser.asMap());
            }
        }, manifest);
    }

    /** Writes a Spark ML bundle: the pipeline with Spark ML's own writer, the manifest. */
    public static void writePipeline(Configuration conf, String uri, BundleManifest manifest, PipelineModel model)
            throws IOException {
        publish(conf, uri, staging -> model.write().save(new Path(staging, PIPELINE).toString()), manifest);
    }

    /**
     * Reads and checks a bundle.
     *
     * @param spark needed to load a Spark ML pipeline (a DL4J bundle reads without it)
     * @throws BundleException naming what is wrong: a missing file, another format version, a file whose checksum
     *     differs (damaged or replaced), settings that do not describe themselves, labels the model does not
     *     predict
     */
    public static ModelBundle read(SparkSession spark, Configuration conf, String uri) throws IOException {
        Path root = new Path(uri);
        FileSystem fs = fileSystem(root, conf);
        Path manifestPath = new Path(root, MANIFEST);
        if (!fs.exists(manifestPath)) {
            throw new BundleException(uri + " is not a model bundle: " + MANIFEST + " is missing"
                    + (fs.exists(root) ? "" : " (no such directory)"));
        }
        BundleManifest manifest;
        try (InputStream in = fs.open(manifestPath)) {
            manifest = BundleManifest.fromMap(JSON.readValue(in, MAP));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BundleException(uri + "/" + MANIFEST + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (BundleException e) {
            throw new BundleException(uri + ": " + e.getMessage(), e);
        }
        Map<String, String> actual = checksums(fs, root);
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            String found = actual.get(file.getKey());
            if (found == null) {
                throw new BundleException(uri + ": " + file.getKey() + " is missing");
            }
            if (!found.equals(file.getValue())) {
                throw new BundleException(uri + ": " + file.getKey() + " is damaged or was replaced (its SHA-256 is "
                        + found + ", bundle.json says " + file.getValue() + ")");
            }
        }
        try {
            ExtractionSettings settings = ExtractionSettings.fromMap(manifest.featureSettings());
            if (!settings.features().hash().equals(manifest.configHash())) {
                throw new BundleException("feature settings hash " + manifest.configHash() + " does not match them");
            }
        } catch (IllegalArgumentException e) {
            throw new BundleException(uri + ": its feature settings cannot be used by this version: "
                    + e.getMessage(), e);
        }
        if (manifest.labels().isEmpty()) {
            throw new BundleException(uri + ": bundle.json lists no labels");
        }
        if (manifest.kind().engine() == ModelKind.Engine.DL4J) {
            return readNetwork(uri, fs, root, manifest);
        }
        if (spark == null) {
            throw new IllegalArgumentException("a Spark ML bundle needs a SparkSession to load");
        }
        PipelineModel pipeline;
        try {
            pipeline = PipelineModel.load(new Path(root, PIPELINE).toString());
        } catch (RuntimeException e) {
            throw new BundleException(uri + ": the Spark ML pipeline cannot be loaded: " + e, e);
        }
        Labels predicted;
        try {
            predicted = BaselinePredictions.labels(pipeline);
        } catch (IllegalArgumentException e) {
            throw new BundleException(uri + ": " + PIPELINE + "/ is " + e.getMessage(), e);
        }
        if (!predicted.names().equals(manifest.labels())) {
            throw new BundleException(uri + ": the pipeline predicts " + predicted.names() + ", bundle.json lists "
                    + manifest.labels());
        }
        return new ModelBundle(uri, manifest, null, null, pipeline);
    }

    private static ModelBundle readNetwork(String uri, FileSystem fs, Path root, BundleManifest manifest)
            throws IOException {
        byte[] zip;
        try (InputStream in = fs.open(new Path(root, NETWORK))) {
            zip = in.readAllBytes();
        }
        Normaliser normaliser;
        try (InputStream in = fs.open(new Path(root, NORMALISER))) {
            normaliser = Normaliser.fromMap(JSON.readValue(in, MAP));
        } catch (IllegalArgumentException e) {
            throw new BundleException(uri + "/" + NORMALISER + ": " + e.getMessage(), e);
        }
        for (FeatureInput input : manifest.kind().network().inputs()) {
            Integer expected = manifest.inputs().get(input.inputName());
            int stored;
            try {
                stored = normaliser.coefficients(input);
            } catch (IllegalArgumentException e) {
                throw new BundleException(uri + "/" + NORMALISER + " has no scale for " + input.inputName());
            }
            if (expected == null || expected != stored) {
                throw new BundleException(uri + ": the " + input.inputName() + " input has " + expected
                        + " coefficients in bundle.json and " + stored + " in " + NORMALISER);
            }
        }
        ModelBundle bundle = new ModelBundle(uri, manifest, zip, normaliser, null);
        NetworkCheck.requireOutputs(bundle);
        return bundle;
    }

    /**
     * The filesystem of a bundle; on local disk the raw one: the bundle's own SHA-256 checksums tell damage, and
     * Hadoop's {@code .crc} side files would make a file edited by hand unreadable with a less helpful message.
     */
    private static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    /** What a writer puts into the staging folder. */
    @FunctionalInterface
    private interface Contents {
        void write(Path staging) throws IOException;
    }

    private static void publish(Configuration conf, String uri, Contents contents, BundleManifest manifest)
            throws IOException {
        Path target = new Path(uri);
        FileSystem fs = fileSystem(target, conf);
        requireAbsent(conf, uri);
        Path staging = new Path(target.getParent(), "." + target.getName() + ".partial-" + UUID.randomUUID());
        try {
            fs.mkdirs(staging);
            contents.write(fs.makeQualified(staging));
            BundleManifest complete = manifest.withFiles(checksums(fs, staging));
            try (OutputStream out = fs.create(new Path(staging, MANIFEST), false)) {
                JSON.writeValue(out, complete.asMap());
            }
            if (!fs.rename(staging, target)) {
                throw new IOException("could not move the bundle from " + staging + " to " + target);
            }
        } finally {
            if (fs.exists(staging)) {
                fs.delete(staging, true);
            }
        }
    }

    /** SHA-256 of every file below {@code root} but the manifest (and checksum side files), by relative path. */
    static Map<String, String> checksums(FileSystem fs, Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        Path base = fs.makeQualified(root);
        List<FileStatus> files = new ArrayList<>();
        collect(fs, base, files);
        for (FileStatus file : files) {
            String relative = base.toUri().relativize(file.getPath().toUri()).getPath();
            String name = file.getPath().getName();
            if (relative.equals(MANIFEST) || name.endsWith(".crc") || name.equals("_SUCCESS")) {
                continue;
            }
            sums.put(relative, sha256(fs, file.getPath()));
        }
        return sums;
    }

    private static void collect(FileSystem fs, Path directory, List<FileStatus> out) throws IOException {
        for (FileStatus status : fs.listStatus(directory)) {
            if (status.isDirectory()) {
                collect(fs, status.getPath(), out);
            } else {
                out.add(status);
            }
        }
    }

    private static String sha256(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

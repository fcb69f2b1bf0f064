package dev.audiopipeline.pipeline.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.audiopipeline.pipeline.source.FileTree;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of an extraction output and the filesystem steps that keep it whole:
 * <pre>
 * OUTPUT/features/run=&lt;id&gt;/part-*.parquet   one partition per run (rows of files rewritten later stay in theirs)
 * OUTPUT/rejected/run=&lt;id&gt;/part-*.parquet
 * OUTPUT/_feature_settings.json                 the settings every row was computed with
 * OUTPUT/_summary.json                          the last run's summary; OUTPUT/_runs/&lt;id&gt;.json every run's
 * OUTPUT/_staging/&lt;id&gt;/                          a run's output until it is published
 * </pre>
 * A run writes only below its staging directory until it {@link #publish publishes}: a run that fails before leaves
 * the output as it was (its staging directory is removed by the next run). Publishing is a few renames, planned in a
 * file first, so a run interrupted while publishing is completed by the next one ({@link #recover}). Readers skip
 * names starting with {@code _}, as Spark and Arrow do. One run at a time per output.
 */
public final class ExtractionStore {

    public static final String FEATURES = "features";
    public static final String REJECTED = "rejected";
    public static final String SUMMARY = "_summary.json";
    public static final String FEATURE_SETTINGS = "_feature_settings.json";
    public static final String RUNS = "_runs";
    public static final String STAGING = "_staging";
    static final String PUBLISH_PLAN = "_publish.json";
    public static final String LEASE = "_alive";

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final FileSystem fs;
    private final Path root;
    private PublishStep publishStep = PublishStep.NONE;

    private ExtractionStore(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    public static ExtractionStore at(String outputUri, Configuration conf) throws IOException {
        Path root = new Path(outputUri);
        return new ExtractionStore(root.getFileSystem(conf), root);
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public Path root() {
        return root;
    }

    public Path features() {
        return new Path(root, FEATURES);
    }

    public Path rejected() {
        return new Path(root, REJECTED);
    }

    public Path staging(RunId run) {
        return new Path(new Path(root, STAGING), run.value());
    }

    /** True once a run has published here (recover first: a run interrupted while publishing counts). */
    public boolean holdsRuns() throws IOException {
        return fs.exists(features()) || fs.exists(rejected()) || fs.exists(new Path(root, FEATURE_SETTINGS));
    }

    /** The stored {@code _feature_settings.json}, as written. */
    private JsonNode storedFeatureSettings() throws IOException {
        Path path = new Path(root, FEATURE_SETTINGS);
        if (!fs.exists(path)) {
            throw new IncompatibleOutputException(root + " holds " + FEATURES + "/ but no " + FEATURE_SETTINGS
                    + ": not an extraction output, or one damaged by hand");
        }
        try (InputStream in = fs.open(path)) {
            return JSON.readTree(in);
        }
    }

    /**
     * The settings every row of this output was computed with: the one reader of {@code _feature_settings.json}
     * (training and scoring read features through it).
     *
     * @throws IncompatibleOutputException if the file is missing, or cannot be read by this version (naming what
     *     differs)
     */
    public ExtractionSettings featureSettings() throws IOException {
        JsonNode stored = storedFeatureSettings();
        try {
            return ExtractionSettings.fromMap(JSON.convertValue(stored, MAP));
        } catch (IllegalArgumentException e) {
            throw new IncompatibleOutputException(new Path(root, FEATURE_SETTINGS) + ": " + e.getMessage());
        }
    }

    /**
     * Refuses to add rows computed with other settings than the stored ones: a table mixing them would train models
     * on features that mean different things.
     *
     * @throws IncompatibleOutputException naming the settings that differ
     */
    public void requireSameSettings(Map<String, Object> featureSettings) throws IOException {
        List<String> differing = SettingsDifferences.between(storedFeatureSettings(), featureSettings);
        if (!differing.isEmpty()) {
            throw new IncompatibleOutputException(root + " holds features computed with other settings ("
                    + String.join(", ", differing) + "): run with the same settings, or extract into a new output");
        }
    }

    /**
     * Brings the output to a consistent state before a run: completes a run that was interrupted while publishing,
     * and removes the staging directories of runs that failed before. Leaves {@code self}'s staging alone.
     */
    public void recover(RunId self) throws IOException {
        Path staging = new Path(root, STAGING);
        if (!fs.exists(staging)) {
            return;
        }
        for (FileStatus run : fs.listStatus(staging)) {
            if (run.getPath().getName().equals(self.value())) {
                continue;
            }
            Path plan = new Path(run.getPath(), PUBLISH_PLAN);
            if (fs.exists(plan)) {
                LOG.warn("completing run {}, interrupted while publishing", run.getPath().getName());
                apply(readPlan(plan), run.getPath());
            } else {
                LOG.warn("removing {}: a run that failed before publishing", run.getPath());
                fs.delete(run.getPath(), true);
            }
        }
    }

    private PublishPlan readPlan(Path plan) throws IOException {
        try (InputStream in = fs.open(plan)) {
            return JSON.readValue(in, PublishPlan.class);
        } catch (JacksonException e) {
            throw new IOException(plan + " is not a readable publish plan (" + e.getOriginalMessage()
                    + "): the run that wrote it cannot be completed; the output needs an operator (README, "
                    + "'Interrupted runs')", e);
        }
    }

    /** Writes (or renews) {@code run}'s claim on this output for this process ({@link RunLease}). */
    public void writeLease(RunId run) throws IOException {
        writeClaim(RunClaim.ofThisProcess(run));
    }

    /** Writes (or renews) a claim on this output: {@code _staging/<run>/_alive}. */
    public void writeClaim(RunClaim claim) throws IOException {
        try (OutputStream out = fs.create(claimFile(claim.run()), true)) {
            out.write(claim.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path claimFile(String run) {
        return new Path(new Path(new Path(root, STAGING), run), LEASE);
    }

    /** The claims of every other run, live or not, with when each was last renewed. */
    List<FoundClaim> claimsOtherThan(RunId run) throws IOException {
        List<FoundClaim> claims = new ArrayList<>();
        Path staging = new Path(root, STAGING);
        if (!fs.exists(staging)) {
            return claims;
        }
        for (FileStatus other : fs.listStatus(staging)) {
            String name = other.getPath().getName();
            Path file = claimFile(name);
            if (name.equals(run.value()) || !fs.exists(file)) {
                continue;
            }
            FileStatus status = fs.getFileStatus(file);
            String text;
            try (InputStream in = fs.open(file)) {
                text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            } catch (FileNotFoundException gone) { // given up since it was listed
                continue;
            }
            claims.add(new FoundClaim(RunClaim.parse(name, text), status.getPath(),
                    Instant.ofEpochMilli(status.getModificationTime())));
        }
        return claims;
    }

    /**
     * Gives up {@code run}'s claim: removes its staging, or only the claim if its publish plan is written (the next
     * run completes the publishing then).
     */
    void abandon(RunId run) throws IOException {
        Path staging = staging(run);
        if (fs.exists(new Path(staging, PUBLISH_PLAN))) {
            fs.delete(new Path(staging, LEASE), false);
        } else {
            fs.delete(staging, true);
        }
    }

    /**
     * Publishes a staged run: {@link #commit}, then {@link #complete}. After this the output shows the run's rows
     * and no longer the rows it replaced.
     */
    public void publish(PublishPlan plan, RunId run) throws IOException {
        commit(plan, run);
        complete(plan, run);
    }

    /**
     * The first half of {@link #publish}: checks that everything staged is there and writes the plan. From here on
     * the run is committed, and {@link #recover} completes it.
     */
    public void commit(PublishPlan plan, RunId run) throws IOException {
        for (PublishPlan.Move move : plan.moves()) {
            if (!fs.exists(fromKey(move.from()))) { // never publish a run whose output is gone, nor delete for it
                throw new IOException("run " + run + " cannot publish: its staged " + fromKey(move.from())
                        + " is missing (was " + root + "/" + STAGING + " changed by another process?)");
            }
        }
        writePlan(plan, run);
    }

    /** The plan alone, unchecked: what {@link #commit} writes (tests use it to stage interrupted runs). */
    public void writePlan(PublishPlan plan, RunId run) throws IOException {
        writeJsonAtomically(new Path(staging(run), PUBLISH_PLAN), plan);
    }

    /** The second half of {@link #publish}: carries out a committed plan and removes the run's staging. */
    public void complete(PublishPlan plan, RunId run) throws IOException {
        apply(plan, staging(run));
    }

    /** Tests stop publishing part-way with this ({@link PublishStep}). */
    void afterEachPublishStep(PublishStep step) {
        this.publishStep = step;
    }

    private void apply(PublishPlan plan, Path staging) throws IOException {
        new PlanApplier(fs).apply(plan, publishStep);
        Path settings = new Path(root, FEATURE_SETTINGS);
        if (!fs.exists(settings)) {
            writeJsonAtomically(settings, plan.featureSettings());
        }
        writeJsonAtomically(new Path(new Path(root, RUNS), plan.run() + ".json"), plan.summary());
        writeJsonAtomically(new Path(root, SUMMARY), plan.summary());
        fs.delete(staging, true);
    }

    /** The Parquet data files below a directory, at any depth, skipping hidden ones; none if it does not exist. */
    public List<Path> dataFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!fs.exists(directory)) {
            return files;
        }
        Path base = fs.makeQualified(directory);
        for (FileStatus status : FileTree.files(fs, base)) {
            Path path = status.getPath();
            if (path.getName().endsWith(".parquet") && !hidden(base, path)) {
                files.add(path);
            }
        }
        return files;
    }

    private static boolean hidden(Path below, Path file) {
        for (Path p = file; p != null && !p.equals(below); p = p.getParent()) {
            if (p.getName().startsWith("_") || p.getName().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A data file's name as plans and {@link StoredTrack} keep it: the qualified URI, percent-encoded (the form
     * Spark's {@code input_file_name()} gives), read back with {@link #fromKey}.
     */
    public String key(Path file) {
        return fs.makeQualified(file).toUri().toString();
    }

    public static Path fromKey(String key) {
        return new Path(java.net.URI.create(key));
    }

    /** A planned rename from staging into the output. */
    public PublishPlan.Move move(Path from, Path to) {
        return new PublishPlan.Move(key(from), key(to));
    }

    /** Writes JSON beside the target and renames it into place, so a reader never sees half a file. */
    void writeJsonAtomically(Path path, Object value) throws IOException {
        Path temporary = new Path(path.getParent(), "." + path.getName() + ".tmp");
        fs.mkdirs(path.getParent());
        try (OutputStream out = fs.create(temporary, true)) {
            JSON.writeValue(out, value);
        }
        fs.delete(path, false);
        if (!fs.rename(temporary, path)) {
            throw new IOException("could not move " + temporary + " to " + path);
        }
    }
}

package dev.audiopipeline.training.bundle;

import dev.audiopipeline.features.SettingsMaps;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model bundle's {@code bundle.json}: what the model is, what it predicts, the feature and segment settings it
 * reads (with their hash), how it was trained and on what, how training went, and a checksum of each file beside
 * it.
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written by this version
 * @param productVersion the product version that trained it
 * @param kind the model
 * @param labels the classes, in the order of every probability vector
 * @param featureSettings the extraction settings document ({@code _feature_settings.json} of the features it was
 *     trained on, {@code config_hash} included)
 * @param frames frames per segment the model reads (0 when it reads only statistics)
 * @param inputs coefficients per input it reads, by input name ({@code mfcc: 13})
 * @param trainingSettings every training setting used
 * @param data rows and tracks per split and label
 * @param history one record per epoch (empty for a Spark ML model)
 * @param keptEpoch the epoch whose parameters the model holds (0 for a Spark ML model)
 * @param stopReason why training ended
 * @param validation final validation metrics: {@code accuracy}, {@code loss} (null when there was no validation)
 * @param files the SHA-256 of every stored file, by its path in the bundle
 * @param created when it was written (ISO-8601)
 * @param trainingSeconds wall-clock seconds of training
 */
public record BundleManifest(int formatVersion, String productVersion, ModelKind kind, List<String> labels,
                             Map<String, Object> featureSettings, int frames, Map<String, Integer> inputs,
                             Map<String, Object> trainingSettings, Map<String, Object> data,
                             List<EpochRecord> history, int keptEpoch, String stopReason,
                             Map<String, Object> validation, Map<String, String> files, String created,
                             double trainingSeconds) implements java.io.Serializable {

    /** Bumped whenever a reader of an older format would misread the bundle. */
    public static final int FORMAT_VERSION = 1;
    public static final String FORMAT = "audio-pipeline-model";

    public BundleManifest {
        labels = List.copyOf(labels);
        history = List.copyOf(history);
    }

    /** The hash of the feature settings the model reads. */
    public String configHash() {
        return String.valueOf(featureSettings.get("config_hash"));
    }

    /** The same manifest with the files' checksums. */
    public BundleManifest withFiles(Map<String, String> checksums) {
        return new BundleManifest(formatVersion, productVersion, kind, labels, featureSettings, frames, inputs,
                trainingSettings, data, history, keptEpoch, stopReason, validation, checksums, created,
                trainingSeconds);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("format_version", formatVersion);
        map.put("product_version", productVersion);
        map.put("model_kind", kind.cliName());
        map.put("engine", kind.engine().code());
        map.put("labels", labels);
        map.put("config_hash", configHash());
        map.put("feature_settings", featureSettings);
        map.put("frames", frames);
        map.put("inputs", inputs);
        map.put("training_settings", trainingSettings);
        map.put("data", data);
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochRecord record : history) {
            Map<String, Object> epoch = new LinkedHashMap<>();
            epoch.put("epoch", record.epoch());
            epoch.put("train_loss", finiteOrNull(record.trainLoss()));
            epoch.put("validation_loss", finiteOrNull(record.validationLoss()));
            epoch.put("train_accuracy", finiteOrNull(record.trainAccuracy()));
            epoch.put("validation_accuracy", finiteOrNull(record.validationAccuracy()));
            epoch.put("seconds", record.seconds());
            epochs.add(epoch);
        }
        map.put("history", epochs);
        map.put("kept_epoch", keptEpoch);
        map.put("stop_reason", stopReason);
        map.put("validation", validation);
        map.put("files", files);
        map.put("created", created);
        map.put("training_seconds", trainingSeconds);
        return map;
    }

    /**
     * @throws BundleException naming the entry that is missing or malformed, or another format or version
     */
    @SuppressWarnings("unchecked")
    public static BundleManifest fromMap(Map<String, Object> map) {
        try {
            if (!FORMAT.equals(map.get("format"))) {
                throw new BundleException("not a model bundle of this product (format " + map.get("format") + ")");
            }
            int version = SettingsMaps.integer(map, "format_version");
            if (version != FORMAT_VERSION) {
                throw new BundleException("bundle format version " + version + ", this version of the product reads "
                        + FORMAT_VERSION + " (written by product " + map.get("product_version") + ")");
            }
            List<EpochRecord> history = new ArrayList<>();
            for (Map<String, Object> epoch : (List<Map<String, Object>>) map.get("history")) {
                history.add(new EpochRecord(SettingsMaps.integer(epoch, "epoch"), number(epoch, "train_loss"),
                        number(epoch, "validation_loss"), number(epoch, "train_accuracy"),
                        number(epoch, "validation_accuracy"), SettingsMaps.number(epoch, "seconds")));
            }
            Map<String, Integer> inputs = new LinkedHashMap<>();
            ((Map<String, Object>) map.get("inputs")).forEach((name, count) -> inputs.put(name,
                    ((Number) count).intValue()));
            return new BundleManifest(version, SettingsMaps.text(map, "product_version"),
                    ModelKind.fromCliName(SettingsMaps.text(map, "model_kind")), (List<String>) map.get("labels"),
                    (Map<String, Object>) map.get("feature_settings"), SettingsMaps.integer(map, "frames"), inputs,
                    (Map<String, Object>) map.get("training_settings"), (Map<String, Object>) map.get("data"),
                    history, SettingsMaps.integer(map, "kept_epoch"), SettingsMaps.text(map, "stop_reason"),
                    (Map<String, Object>) map.get("validation"), (Map<String, String>) map.get("files"),
                    SettingsMaps.text(map, "created"), SettingsMaps.number(map, "training_seconds"));
        } catch (ClassCastException | NullPointerException e) {
            throw new BundleException("bundle.json is malformed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BundleException("bundle.json: " + e.getMessage(), e);
        }
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double number(Map<String, Object> map, String name) {
        Double value = SettingsMaps.numberOrNull(map, name);
        return value == null ? Double.NaN : value;
    }
}

package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.InvalidParameterException;
import dev.audiopipeline.training.baselines.BaselineKind;
import dev.audiopipeline.training.baselines.BaselineSettings;
import dev.audiopipeline.training.baselines.BaselineSettingsText;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.networks.CnnSettings;
import dev.audiopipeline.training.networks.DenseSettings;
import dev.audiopipeline.training.networks.LstmSettings;
import dev.audiopipeline.training.networks.MergedSettings;
import dev.audiopipeline.training.networks.Optimization;
import dev.audiopipeline.training.train.TrainingSettings;
import dev.audiopipeline.training.trainer.TrainerSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link TrainingSettings} for one model from a job's {@code train.*} settings. */
public final class TrainingSettingsConfig {

    private TrainingSettingsConfig() {}

    public static TrainingSettings from(JobConfig config, ModelKind kind) {
        TrainingSettings defaults = TrainingSettings.defaults(kind);
        try {
            LstmSettings lstm = new LstmSettings(config.get(Settings.TRAIN_LSTM_UNITS),
                    config.get(Settings.TRAIN_LSTM_DENSE_UNITS), config.get(Settings.TRAIN_LSTM_DENSE_DROPOUT),
                    config.get(Settings.TRAIN_LSTM_HIDDEN_UNITS), config.get(Settings.TRAIN_LSTM_HIDDEN_DROPOUT),
                    optimization(config, defaults.lstm().optimization()));
            CnnSettings d = defaults.cnn();
            CnnSettings cnn = new CnnSettings(d.filters1(), d.filters2(), d.filters3(), d.kernelSize(),
                    d.poolSize(), config.get(Settings.TRAIN_CNN_DENSE_UNITS), config.get(Settings.TRAIN_CNN_DROPOUT),
                    optimization(config, d.optimization()));
            MergedSettings merged = defaults.merged().withOptimization(
                    optimization(config, defaults.merged().optimization()));
            DenseSettings dd = defaults.dense();
            DenseSettings dense = new DenseSettings(dd.units1(), dd.units2(), dd.units3(),
                    config.get(Settings.TRAIN_DENSE_DROPOUT), optimization(config, dd.optimization()));
            return new TrainingSettings(kind, lstm, cnn, merged, dense,
                    new TrainerSettings(config.get(Settings.TRAIN_EPOCHS), config.get(Settings.TRAIN_PATIENCE)),
                    config.get(Settings.TRAIN_BATCH_SIZE), config.get(Settings.TRAIN_VALIDATION_FRACTION),
                    config.get(Settings.TRAIN_TEST_FRACTION), config.get(Settings.TRAIN_SEED),
                    TrainingSettings.Mode.fromCode(config.get(Settings.TRAIN_MODE)), config.get(Settings.TRAIN_WORKERS),
                    config.get(Settings.TRAIN_AVERAGING_FREQUENCY), config.get(Settings.TRAIN_PREFETCH_BATCHES),
                    kind.engine() == ModelKind.Engine.SPARK_ML ? baseline(config, kind) : null);
        } catch (InvalidParameterException e) {
            throw ConfigException.invalid("training settings", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid training settings: " + e.getMessage() + " (settings train.*)");
        }
    }

    /**
     * The baseline's settings from its {@code train.<model>.*} settings: one per key of the baseline's own settings,
     * read as text so that the baseline parses them as it parses a bundle's.
     */
    private static BaselineSettings baseline(JobConfig config, ModelKind kind) {
        BaselineKind baseline = BaselineKind.fromCliName(kind.cliName());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : BaselineSettings.defaults(baseline).asMap().keySet()) {
            String name = "train." + baseline.cliName() + "." + key;
            Setting<?> setting = Settings.byKey(name).orElseThrow(() -> new IllegalStateException(
                    "no setting " + name + " declared for " + baseline.cliName() + "'s " + key));
            values.put(key, config.get(setting));
        }
        return BaselineSettingsText.parse(baseline, values);
    }

    /** The network's seed learning rate unless train.learning-rate says otherwise; the clip and seed given. */
    private static Optimization optimization(JobConfig config, Optimization seedValues) {
        Double rate = config.get(Settings.TRAIN_LEARNING_RATE);
        return new Optimization(rate == null ? seedValues.learningRate() : rate,
                config.get(Settings.TRAIN_GRADIENT_CLIP), config.get(Settings.TRAIN_SEED));
    }
}

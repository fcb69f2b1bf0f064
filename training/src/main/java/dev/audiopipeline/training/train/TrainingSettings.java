package dev.audiopipeline.training.train;

import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.training.baselines.BaselineKind;
import dev.audiopipeline.training.baselines.BaselineSettings;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.datasets.TrackSplitter;
import dev.audiopipeline.training.networks.CnnSettings;
import dev.audiopipeline.training.networks.DenseSettings;
import dev.audiopipeline.training.networks.LstmSettings;
import dev.audiopipeline.training.networks.MergedSettings;
import dev.audiopipeline.training.networks.Optimization;
import dev.audiopipeline.training.trainer.TrainerSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one training run is told: which model, its hyper-parameters, how long and how it trains, how the
 * tracks are split. Stored in the bundle ({@link #asMap()}).
 *
 * @param kind the model
 * @param lstm the LSTM's hyper-parameters (used when {@code kind} is lstm), and so on for the other networks
 * @param trainer epochs and early-stopping patience
 * @param batchSize examples per minibatch (per worker on Spark)
 * @param validationFraction share of each label's training tracks kept for validation
 * @param testFraction share of each label's tracks held out when extraction put none in test
 * @param seed the one seed of the run: weights, dropout, shuffling and carving derive from it
 * @param mode where the network trains
 * @param workers Spark tasks training at once; 0 takes Spark's default parallelism
 * @param averagingFrequency minibatches each worker fits between two averagings
 * @param prefetchBatches minibatches each worker loads ahead
 * @param baseline the Spark ML baseline's hyper-parameters, of {@code kind}'s baseline when {@code kind} is one (the
 *     networks' settings above are then unused), null for a network
 */
public record TrainingSettings(ModelKind kind, LstmSettings lstm, CnnSettings cnn, MergedSettings merged,
                               DenseSettings dense, TrainerSettings trainer, int batchSize,
                               double validationFraction, double testFraction, long seed, Mode mode, int workers,
                               int averagingFrequency, int prefetchBatches, BaselineSettings baseline) {

    public static final ParameterRule<Integer> EPOCHS = ParameterRule.intIn("epochs", 1, 100_000);
    /** 0 never stops early. */
    public static final ParameterRule<Integer> PATIENCE = ParameterRule.intIn("patience", 0, 100_000);
    public static final ParameterRule<Double> LEARNING_RATE = ParameterRule.between("learning_rate", 0, false, 10, true);
    public static final ParameterRule<Double> GRADIENT_CLIP = ParameterRule.positive("gradient_clip");
    /** A share of units dropped. */
    public static final ParameterRule<Double> DROPOUT = ParameterRule.between("dropout", 0, true, 1, false);
    public static final ParameterRule<Integer> UNITS = ParameterRule.intIn("units", 1, 1_000_000);
    public static final ParameterRule<Integer> BATCH_SIZE = ParameterRule.intIn("batch_size", 1, 65_536);
    public static final ParameterRule<Integer> WORKERS = ParameterRule.intIn("workers", 0, 100_000);
    public static final ParameterRule<Integer> AVERAGING_FREQUENCY = ParameterRule.intIn("averaging_frequency", 1,
            100_000);
    public static final ParameterRule<Integer> PREFETCH_BATCHES = ParameterRule.intIn("prefetch_batches", 0, 1000);

    /** Where a network trains. */
    public enum Mode {
        /** DL4J's parameter averaging over the Spark executors (also under local[N]). */
        SPARK,
        /** In the driver, on one machine, through the same trainer interface. */
        LOCAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode fromCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        }
    }

    public TrainingSettings {
        EPOCHS.require(trainer.epochs());
        PATIENCE.require(trainer.patience());
        BATCH_SIZE.require(batchSize);
        TrackSplitter.VALIDATION_FRACTION.require(validationFraction);
        TrackSplitter.TEST_FRACTION.require(testFraction);
        WORKERS.require(workers);
        AVERAGING_FREQUENCY.require(averagingFrequency);
        PREFETCH_BATCHES.require(prefetchBatches);
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(mode, "mode");
        if (kind.engine() == ModelKind.Engine.SPARK_ML
                && (baseline == null || !baseline.kind().cliName().equals(kind.cliName()))) {
            throw new IllegalArgumentException("model " + kind.cliName() + " needs its baseline settings, got "
                    + (baseline == null ? "none" : baseline.kind().cliName() + "'s"));
        }
    }

    /** The same settings training {@code baseline}'s kind with it. */
    public TrainingSettings withBaseline(BaselineSettings baseline) {
        return new TrainingSettings(ModelKind.fromCliName(baseline.kind().cliName()), lstm, cnn, merged, dense,
                trainer, batchSize, validationFraction, testFraction, seed, mode, workers, averagingFrequency,
                prefetchBatches, baseline);
    }

    /** The seeds' values: 100 epochs, patience 10, batch 32, 15 % validation, 20 % test, seed 1337, on Spark. */
    public static TrainingSettings defaults(ModelKind kind) {
        return new TrainingSettings(kind, LstmSettings.defaults(), CnnSettings.defaults(), MergedSettings.defaults(),
                DenseSettings.defaults(), TrainerSettings.defaults(), 32, 0.15, 0.2, 1337, Mode.SPARK, 0, 5, 2,
                kind.engine() == ModelKind.Engine.SPARK_ML
                        ? BaselineSettings.defaults(BaselineKind.fromCliName(kind.cliName())) : null);
    }

    /** The optimisation of the chosen network, with the run's seed. */
    Optimization optimization() {
        Optimization base = switch (kind.network()) {
            case LSTM -> lstm.optimization();
            case CNN -> cnn.optimization();
            case MERGED -> merged.optimization();
            case DENSE -> dense.optimization();
        };
        return base.withSeed(seed);
    }

    /** Every setting that shaped the run, for the bundle. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", kind.cliName());
        if (kind.engine() == ModelKind.Engine.DL4J) {
            map.put("network", switch (kind.network()) {
                case LSTM -> lstm;
                case CNN -> cnn;
                case MERGED -> merged;
                case DENSE -> dense;
            });
            map.put("epochs", trainer.epochs());
            map.put("patience", trainer.patience());
            map.put("batch_size", batchSize);
            map.put("mode", mode.code());
            map.put("workers", workers);
            map.put("averaging_frequency", averagingFrequency);
            map.put("prefetch_batches", prefetchBatches);
        } else {
            map.put("baseline", baseline.asMap());
        }
        map.put("validation_fraction", validationFraction);
        map.put("test_fraction", testFraction);
        map.put("seed", seed);
        return map;
    }
}

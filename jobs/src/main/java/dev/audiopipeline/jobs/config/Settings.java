package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.store.TableWriter;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.baselines.GbtSettings;
import dev.audiopipeline.training.baselines.LinearSvmSettings;
import dev.audiopipeline.training.baselines.LogisticRegressionSettings;
import dev.audiopipeline.training.baselines.MlpSettings;
import dev.audiopipeline.training.baselines.RandomForestSettings;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.datasets.TrackSplitter;
import dev.audiopipeline.training.score.ScoreSettings;
import dev.audiopipeline.training.train.TrainingSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of every job, declared once: key, documentation, type, validity and default. Keys are
 * {@code <group>.<name>}; the feature settings carry librosa's parameter names in kebab case
 * ({@code n_fft} is {@code features.n-fft}) and take their defaults from {@link FeatureSettings#defaults()}, the
 * one place those defaults live. {@code conf/audio-pipeline.properties} is generated from this class
 * ({@code audio-pipeline config --defaults}).
 */
public final class Settings {

    private static final String UNITS = TrainingSettings.UNITS.expectation();
    private static final String DROPOUT = TrainingSettings.DROPOUT.expectation();
    private static final Map<String, Setting<?>> BY_KEY = new LinkedHashMap<>();
    private static final Map<ParameterRule<?>, Setting<?>> BY_RULE = new IdentityHashMap<>();
    private static final FeatureSettings FEATURE_DEFAULTS = FeatureSettings.defaults();

    // ---- features: the feature kernel (librosa 0.11 conventions) ----

    public static final Setting<Integer> SAMPLE_RATE = register(Setting.integer("features.sample-rate")
            .doc("Sample rate (Hz) audio is resampled to before features are computed (librosa sr).")
            .defaultValue(FEATURE_DEFAULTS.sampleRate()).rule(FeatureSettings.SAMPLE_RATE));

    public static final Setting<Integer> N_FFT = register(Setting.integer("features.n-fft")
            .doc("FFT length in samples (librosa n_fft).")
            .defaultValue(FEATURE_DEFAULTS.nFft()).rule(FeatureSettings.N_FFT));

    public static final Setting<Integer> HOP_LENGTH = register(Setting.integer("features.hop-length")
            .doc("Samples between successive frames (librosa hop_length).")
            .defaultValue(FEATURE_DEFAULTS.hopLength()).rule(FeatureSettings.HOP_LENGTH));

    public static final Setting<Integer> WIN_LENGTH = register(Setting.integer("features.win-length")
            .doc("Hann window length in samples, centred in the FFT frame (librosa win_length); none means n-fft.")
            .noneAllowed().rule(FeatureSettings.WIN_LENGTH));

    public static final Setting<Boolean> CENTER = register(Setting.bool("features.center")
            .doc("Pad n-fft/2 zeros on both sides so that frame t is centred at t * hop-length (librosa center).")
            .defaultValue(FEATURE_DEFAULTS.center()));

    public static final Setting<Double> POWER = register(Setting.decimal("features.power")
            .doc("Exponent of the magnitude spectrogram the mel filterbank is applied to: 2 power, 1 energy.")
            .defaultValue(FEATURE_DEFAULTS.power()).rule(FeatureSettings.POWER));

    public static final Setting<Integer> N_MELS = register(Setting.integer("features.n-mels")
            .doc("Number of mel bands (Slaney scale, Slaney area normalisation).")
            .defaultValue(FEATURE_DEFAULTS.nMels()).rule(FeatureSettings.N_MELS));

    public static final Setting<Double> FMIN = register(Setting.decimal("features.fmin")
            .doc("Lowest frequency (Hz) of the mel filterbank.")
            .defaultValue(FEATURE_DEFAULTS.fmin()).rule(FeatureSettings.FMIN));

    public static final Setting<Double> FMAX = register(Setting.decimal("features.fmax")
            .doc("Highest frequency (Hz) of the mel filterbank; none means sample-rate / 2.")
            .noneAllowed().rule(FeatureSettings.FMAX));

    public static final Setting<Double> REF = register(Setting.decimal("features.ref")
            .doc("Reference power of power_to_db: dB = 10 log10(S / ref).")
            .defaultValue(FEATURE_DEFAULTS.ref()).rule(FeatureSettings.REF));

    public static final Setting<Double> AMIN = register(Setting.decimal("features.amin")
            .doc("Smallest power power_to_db takes the log of (librosa amin).")
            .defaultValue(FEATURE_DEFAULTS.amin()).rule(FeatureSettings.AMIN));

    public static final Setting<Double> TOP_DB = register(Setting.decimal("features.top-db")
            .doc("Floor of log-mel values, in dB below the loudest value of the whole input (librosa top_db); "
                    + "none means no floor.")
            .defaultValue(FEATURE_DEFAULTS.topDb()).noneAllowed().rule(FeatureSettings.TOP_DB));

    public static final Setting<Integer> N_MFCC = register(Setting.integer("features.n-mfcc")
            .doc("Number of MFCCs (orthonormal DCT-II of the log-mel spectrogram); at most n-mels.")
            .defaultValue(FEATURE_DEFAULTS.nMfcc()).rule(FeatureSettings.N_MFCC));

    public static final Setting<Double> LIFTER = register(Setting.decimal("features.lifter")
            .doc("Cepstral liftering coefficient of the MFCCs; 0 means none (librosa lifter).")
            .defaultValue(FEATURE_DEFAULTS.lifter()).rule(FeatureSettings.LIFTER));

    public static final Setting<Integer> DELTA_WIDTH = register(Setting.integer("features.delta-width")
            .doc("Frames in the window of the delta (derivative) features (librosa delta width).")
            .defaultValue(FEATURE_DEFAULTS.deltaWidth()).rule(FeatureSettings.DELTA_WIDTH));

    public static final Setting<Double> CONTRAST_FMIN = register(Setting.decimal("features.contrast-fmin")
            .doc("Upper edge (Hz) of the lowest spectral-contrast band; each further band is an octave.")
            .defaultValue(FEATURE_DEFAULTS.contrastFmin()).rule(FeatureSettings.CONTRAST_FMIN));

    public static final Setting<Integer> CONTRAST_BANDS = register(Setting.integer("features.contrast-n-bands")
            .doc("Number of spectral-contrast octave bands (plus one band up to Nyquist).")
            .defaultValue(FEATURE_DEFAULTS.contrastNBands()).rule(FeatureSettings.CONTRAST_N_BANDS));

    public static final Setting<Double> CONTRAST_QUANTILE = register(Setting.decimal("features.contrast-quantile")
            .doc("Share of each band's bins that form its peak and its valley.")
            .defaultValue(FEATURE_DEFAULTS.contrastQuantile()).rule(FeatureSettings.CONTRAST_QUANTILE));

    public static final Setting<Boolean> CONTRAST_LINEAR = register(Setting.bool("features.contrast-linear")
            .doc("Spectral contrast as a linear difference of peak and valley instead of a dB difference.")
            .defaultValue(FEATURE_DEFAULTS.contrastLinear()));

    public static final Setting<Double> ROLL_PERCENT = register(Setting.decimal("features.roll-percent")
            .doc("Share of spectral energy below the spectral roll-off frequency.")
            .defaultValue(FEATURE_DEFAULTS.rollPercent()).rule(FeatureSettings.ROLL_PERCENT));

    public static final Setting<Integer> N_CHROMA = register(Setting.integer("features.n-chroma")
            .doc("Number of chroma bins per octave.")
            .defaultValue(FEATURE_DEFAULTS.nChroma()).rule(FeatureSettings.N_CHROMA));

    public static final Setting<Double> TUNING = register(Setting.decimal("features.tuning")
            .doc("Tuning offset of the chroma filterbank, in fractions of a chroma bin; none estimates it per "
                    + "input from the spectrogram, as librosa's chroma_stft does by default (tuning=None).")
            .defaultValue(FEATURE_DEFAULTS.tuning()).noneAllowed().rule(FeatureSettings.TUNING));

    public static final Setting<String> RES_TYPE = register(Setting.text("features.res-type")
            .doc("How audio at another rate is resampled to features.sample-rate, in librosa's res_type names: "
                    + "soxr_hq (librosa's default), soxr_vhq (double precision, several times slower), soxr_mq, "
                    + "soxr_lq (narrower pass band, faster). See pipeline/RESAMPLER.md.")
            .defaultValue(FEATURE_DEFAULTS.resType().librosaName())
            .check(v -> java.util.Arrays.stream(ResampleType.values()).anyMatch(t -> t.librosaName().equals(v)),
                    "one of " + ResampleType.names()));

    // ---- extract: the Spark feature job ----

    private static final SegmentSettings SEGMENT_DEFAULTS = SegmentSettings.defaults();

    public static final Setting<Double> SEGMENT_SECONDS = register(Setting.decimal("extract.segment-seconds")
            .doc("Length of a segment, the unit features are computed and models predict on (GTZAN-style models "
                    + "take 3 s, ten per 30-s clip).")
            .defaultValue(SEGMENT_DEFAULTS.segmentSeconds()).rule(SegmentSettings.SEGMENT_SECONDS));

    public static final Setting<Double> SEGMENT_HOP_SECONDS = register(Setting.decimal("extract.segment-hop-seconds")
            .doc("Distance between segment starts; none means the segment length (no overlap), less overlaps, "
                    + "more skips audio between segments.")
            .noneAllowed().rule(SegmentSettings.HOP_SECONDS));

    public static final Setting<String> SEGMENT_TAIL = register(Setting.text("extract.segment-tail")
            .doc("The audio after the last whole segment: drop it, or pad it with zeros to a segment when it fills "
                    + "at least extract.min-tail-fraction of one. With drop, a file shorter than a segment is "
                    + "rejected as too_short.")
            .defaultValue(SEGMENT_DEFAULTS.tail().name().toLowerCase(java.util.Locale.ROOT))
            .check(v -> v.equals("drop") || v.equals("pad"), "drop or pad"));

    public static final Setting<Double> MIN_TAIL_FRACTION = register(Setting.decimal("extract.min-tail-fraction")
            .doc("With extract.segment-tail = pad: the least share of a segment a tail must fill to be kept.")
            .defaultValue(SEGMENT_DEFAULTS.minTailFraction()).rule(SegmentSettings.MIN_TAIL_FRACTION));

    public static final Setting<Double> MAX_SECONDS = register(Setting.decimal("extract.max-seconds")
            .doc("How much of each file is used, from its start (decoding stops there); 0 means all of it.")
            .defaultValue(SEGMENT_DEFAULTS.maxSeconds()).rule(SegmentSettings.MAX_SECONDS));

    public static final Setting<Double> TEST_FRACTION = register(Setting.decimal("extract.test-fraction")
            .doc("Share of tracks assigned to the test split when the input layout gives none (deterministic, by "
                    + "a hash of the track's path).")
            .defaultValue(TrackSplit.DEFAULT_TEST_FRACTION).rule(TrackSplit.TEST_FRACTION));

    public static final Setting<Double> FILE_TIMEOUT_SECONDS = register(Setting.decimal("extract.file-timeout-seconds")
            .doc("The most one file may take on an executor (decoding, cutting, features) before it is set aside in "
                    + "rejected/ with reason timeout, so that no file can hold up the job.")
            .defaultValue(ExtractionSettings.DEFAULT_FILE_TIMEOUT_SECONDS)
            .rule(ExtractionSettings.FILE_TIMEOUT_SECONDS));

    public static final Setting<String> MATRICES = register(Setting.text("extract.matrices")
            .doc("The matrices each segment row keeps, comma-separated: mfcc, logmel, contrast (a CNN needs "
                    + "logmel, an LSTM mfcc, the merged network mfcc,contrast); none keeps only the statistics (of "
                    + "all three), enough for the baselines. The others are null in the table.")
            .defaultValue(String.join(",", ExtractionSettings.MATRICES.stream()
                    .map(dev.audiopipeline.features.Feature::cliName).toList()))
            .noneAllowed().rule(ExtractionSettings.STORED_MATRICES));

    public static final Setting<String> PARQUET_CODEC = register(Setting.text("extract.parquet-codec")
            .doc("Compression of the Parquet the job writes: lz4_raw (fast, about as small as snappy on features), "
                    + "snappy, zstd (smaller, slower), gzip or uncompressed. The older spelling lz4raw still works.")
            .defaultValue(TableWriter.DEFAULT_CODEC)
            .check(v -> List.of("lz4_raw", "lz4raw", "snappy", "zstd", "gzip", "uncompressed").contains(v),
                    "lz4_raw, snappy, zstd, gzip or uncompressed"));

    // ---- extract.augment: augmented variants of training segments ----

    private static final AugmentationSettings AUGMENT_DEFAULTS = AugmentationSettings.defaults();

    public static final Setting<Integer> AUGMENT_VARIANTS = register(Setting.integer("extract.augment.variants")
            .doc("Augmented variants added per segment of training-split tracks (rows with variant 1..N; test "
                    + "tracks never get any); 0 turns augmentation off.")
            .defaultValue(AUGMENT_DEFAULTS.variants()).rule(AugmentationSettings.VARIANTS));

    public static final Setting<Double> AUGMENT_STRETCH = register(Setting.decimal("extract.augment.stretch-deviation")
            .doc("Time stretch (librosa time_stretch): rate drawn log-uniformly in [1/(1+x), 1+x]; 0 turns it off.")
            .defaultValue(AUGMENT_DEFAULTS.stretchDeviation()).rule(AugmentationSettings.STRETCH_DEVIATION));

    public static final Setting<Double> AUGMENT_PITCH = register(Setting.decimal("extract.augment.pitch-semitones")
            .doc("Pitch shift (librosa pitch_shift): semitones drawn uniformly in [-p, p]; 0 turns it off.")
            .defaultValue(AUGMENT_DEFAULTS.pitchSemitones()).rule(AugmentationSettings.PITCH_SEMITONES));

    public static final Setting<Double> AUGMENT_SHIFT = register(Setting.decimal("extract.augment.max-shift-seconds")
            .doc("Time shift (a circular roll of the segment): seconds drawn uniformly in [-s, s]; 0 turns it off.")
            .defaultValue(AUGMENT_DEFAULTS.maxShiftSeconds()).rule(AugmentationSettings.MAX_SHIFT_SECONDS));

    public static final Setting<Double> AUGMENT_GAIN = register(Setting.decimal("extract.augment.gain-db")
            .doc("Gain: dB drawn uniformly in [-g, g]; 0 turns it off.")
            .defaultValue(AUGMENT_DEFAULTS.gainDb()).rule(AugmentationSettings.GAIN_DB));

    public static final Setting<Double> AUGMENT_SNR_MIN = register(Setting.decimal("extract.augment.noise-snr-db-min")
            .doc("White noise: signal-to-noise ratio drawn uniformly in [min, max] dB; none (with max none) turns "
                    + "noise off.")
            .defaultValue(AUGMENT_DEFAULTS.noiseSnrDbMin()).noneAllowed().rule(AugmentationSettings.NOISE_SNR_DB_MIN));

    public static final Setting<Double> AUGMENT_SNR_MAX = register(Setting.decimal("extract.augment.noise-snr-db-max")
            .doc("Upper bound of the noise's signal-to-noise ratio in dB; none (with min none) turns noise off.")
            .defaultValue(AUGMENT_DEFAULTS.noiseSnrDbMax()).noneAllowed().rule(AugmentationSettings.NOISE_SNR_DB_MAX));

    public static final Setting<Integer> AUGMENT_SEED = register(Setting.integer("extract.augment.seed")
            .doc("Base of every variant's random seed (with the track, segment and variant number: a variant is "
                    + "the same on every run and every executor).")
            .defaultValue((int) AUGMENT_DEFAULTS.seed()));

    // ---- train: training a model on extracted features ----

    private static final TrainingSettings TRAIN_DEFAULTS = TrainingSettings.defaults(ModelKind.LSTM);

    public static final Setting<Integer> TRAIN_EPOCHS = register(Setting.integer("train.epochs")
            .doc("The most epochs a network trains (seeds 000 and 004 ran 100).")
            .defaultValue(TRAIN_DEFAULTS.trainer().epochs()).rule(TrainingSettings.EPOCHS));

    public static final Setting<Integer> TRAIN_PATIENCE = register(Setting.integer("train.patience")
            .doc("Early stopping: stop after this many epochs without a lower validation loss, keeping the best "
                    + "epoch's parameters; 0 never stops early.")
            .defaultValue(TRAIN_DEFAULTS.trainer().patience()).rule(TrainingSettings.PATIENCE));

    public static final Setting<Integer> TRAIN_BATCH_SIZE = register(Setting.integer("train.batch-size")
            .doc("Segments per minibatch (per worker on Spark).")
            .defaultValue(TRAIN_DEFAULTS.batchSize()).rule(TrainingSettings.BATCH_SIZE));

    public static final Setting<Double> TRAIN_LEARNING_RATE = register(Setting.decimal("train.learning-rate")
            .doc("Adam's learning rate; none takes the network's seed value (lstm 1e-4, cnn 5e-4, merged and dense "
                    + "1e-3).")
            .noneAllowed().rule(TrainingSettings.LEARNING_RATE));

    public static final Setting<Double> TRAIN_GRADIENT_CLIP = register(Setting.decimal("train.gradient-clip")
            .doc("Every gradient element is clipped to [-x, x] before the update (an LSTM diverged without it).")
            .defaultValue(TRAIN_DEFAULTS.lstm().optimization().gradientClip()).rule(TrainingSettings.GRADIENT_CLIP));

    public static final Setting<Integer> TRAIN_SEED = register(Setting.integer("train.seed")
            .doc("The run's one seed: initial weights, dropout masks, shuffling and the validation carving follow "
                    + "from it (the same input and settings give the same model).")
            .defaultValue((int) TRAIN_DEFAULTS.seed()));

    public static final Setting<Double> TRAIN_VALIDATION_FRACTION = register(Setting.decimal(
            "train.validation-fraction")
            .doc("Share of each label's training tracks kept aside (by track) to watch the validation loss.")
            .defaultValue(TRAIN_DEFAULTS.validationFraction()).rule(TrackSplitter.VALIDATION_FRACTION));

    public static final Setting<Double> TRAIN_TEST_FRACTION = register(Setting.decimal("train.test-fraction")
            .doc("Share of each label's tracks held out for testing, only when the features have no test split.")
            .defaultValue(TRAIN_DEFAULTS.testFraction()).rule(TrackSplitter.TEST_FRACTION));

    public static final Setting<String> TRAIN_MODE = register(Setting.text("train.mode")
            .doc("Where a network trains: spark (DL4J's parameter averaging over the executors) or local (in the "
                    + "driver, for one machine).")
            .defaultValue(TRAIN_DEFAULTS.mode().code()).check(v -> v.equals("spark") || v.equals("local"),
                    "spark or local"));

    public static final Setting<Integer> TRAIN_WORKERS = register(Setting.integer("train.workers")
            .doc("Spark tasks training at once (executors x task slots); 0 takes Spark's default parallelism.")
            .defaultValue(TRAIN_DEFAULTS.workers()).rule(TrainingSettings.WORKERS));

    public static final Setting<Integer> TRAIN_AVERAGING_FREQUENCY = register(Setting.integer(
            "train.averaging-frequency")
            .doc("Minibatches each worker fits between two averagings of parameters and Adam's state.")
            .defaultValue(TRAIN_DEFAULTS.averagingFrequency()).rule(TrainingSettings.AVERAGING_FREQUENCY));

    public static final Setting<Integer> TRAIN_PREFETCH_BATCHES = register(Setting.integer("train.prefetch-batches")
            .doc("Minibatches each worker loads ahead on another thread.")
            .defaultValue(TRAIN_DEFAULTS.prefetchBatches()).rule(TrainingSettings.PREFETCH_BATCHES));

    public static final Setting<Integer> TRAIN_LSTM_UNITS = register(Setting.integer("train.lstm.units")
            .doc("Units of each of the LSTM network's two LSTM layers (seed 000: 64).")
            .defaultValue(TRAIN_DEFAULTS.lstm().units()).check(TrainingSettings.UNITS::accepts, UNITS));

    public static final Setting<Integer> TRAIN_LSTM_DENSE_UNITS = register(Setting.integer("train.lstm.dense-units")
            .doc("Units of the LSTM network's first dense relu layer (seed 000: 64).")
            .defaultValue(TRAIN_DEFAULTS.lstm().denseUnits()).check(TrainingSettings.UNITS::accepts, UNITS));

    public static final Setting<Double> TRAIN_LSTM_DENSE_DROPOUT = register(Setting.decimal(
            "train.lstm.dense-dropout")
            .doc("Dropout after the LSTM network's first dense layer (seed 000: 0.4).")
            .defaultValue(TRAIN_DEFAULTS.lstm().denseDropout()).check(TrainingSettings.DROPOUT::accepts, DROPOUT));

    public static final Setting<Integer> TRAIN_LSTM_HIDDEN_UNITS = register(Setting.integer("train.lstm.hidden-units")
            .doc("Units of the LSTM network's second dense relu layer (seed 000: 16).")
            .defaultValue(TRAIN_DEFAULTS.lstm().hiddenUnits()).check(TrainingSettings.UNITS::accepts, UNITS));

    public static final Setting<Double> TRAIN_LSTM_HIDDEN_DROPOUT = register(Setting.decimal(
            "train.lstm.hidden-dropout")
            .doc("Dropout after the LSTM network's second dense layer (seed 000: 0.3).")
            .defaultValue(TRAIN_DEFAULTS.lstm().hiddenDropout()).check(TrainingSettings.DROPOUT::accepts, DROPOUT));

    public static final Setting<Integer> TRAIN_CNN_DENSE_UNITS = register(Setting.integer("train.cnn.dense-units")
            .doc("Units of the CNN's dense relu layer after its three convolution blocks (seed 002: 64).")
            .defaultValue(TRAIN_DEFAULTS.cnn().denseUnits()).check(TrainingSettings.UNITS::accepts, UNITS));

    public static final Setting<Double> TRAIN_CNN_DROPOUT = register(Setting.decimal("train.cnn.dropout")
            .doc("Dropout after the CNN's dense layer (seed 002: 0.5).")
            .defaultValue(TRAIN_DEFAULTS.cnn().dropout()).check(TrainingSettings.DROPOUT::accepts, DROPOUT));

    public static final Setting<Double> TRAIN_DENSE_DROPOUT = register(Setting.decimal("train.dense.dropout")
            .doc("Dropout after each hidden layer of the dense network over the statistics.")
            .defaultValue(TRAIN_DEFAULTS.dense().dropout()).check(TrainingSettings.DROPOUT::accepts, DROPOUT));

    // ---- train: the Spark MLlib baselines over the statistics (train.<model>.*, read by that model only) ----

    private static final RandomForestSettings RF = RandomForestSettings.defaults();
    private static final LogisticRegressionSettings LOGREG = LogisticRegressionSettings.defaults();
    private static final LinearSvmSettings SVM = LinearSvmSettings.defaults();
    private static final MlpSettings MLP = MlpSettings.defaults();
    private static final GbtSettings GBT = GbtSettings.defaults();

    public static final Setting<Integer> TRAIN_RF_TREES = register(Setting.integer("train.rf.trees")
            .doc("Trees of the random forest.").defaultValue(RF.trees()).rule(RandomForestSettings.TREES));
    public static final Setting<Integer> TRAIN_RF_MAX_DEPTH = register(Setting.integer("train.rf.max-depth")
            .doc("Depth limit of each forest tree (Spark's trees stop at 30).").defaultValue(RF.maxDepth())
            .rule(RandomForestSettings.MAX_DEPTH));
    public static final Setting<Integer> TRAIN_RF_MIN_INSTANCES_PER_NODE = register(Setting.integer(
            "train.rf.min-instances-per-node").doc("Fewest training segments a forest tree's node may hold.")
            .defaultValue(RF.minInstancesPerNode()).rule(RandomForestSettings.MIN_INSTANCES_PER_NODE));
    public static final Setting<String> TRAIN_RF_FEATURE_SUBSET = register(Setting.text("train.rf.feature-subset")
            .doc("Statistics considered per node: all, onethird, sqrt, log2, a count or a share in (0, 1].")
            .defaultValue(RF.featureSubset()).rule(RandomForestSettings.FEATURE_SUBSET));
    public static final Setting<Double> TRAIN_RF_SUBSAMPLING_RATE = register(Setting.decimal(
            "train.rf.subsampling-rate").doc("Share of the training segments each tree is grown on (bootstrapped).")
            .defaultValue(RF.subsamplingRate()).rule(RandomForestSettings.SUBSAMPLING_RATE));
    public static final Setting<Integer> TRAIN_RF_MAX_BINS = register(Setting.integer("train.rf.max-bins")
            .doc("Candidate thresholds per statistic in the forest.").defaultValue(RF.maxBins())
            .rule(RandomForestSettings.MAX_BINS));

    public static final Setting<Double> TRAIN_LOGREG_REG_PARAM = register(Setting.decimal("train.logreg.reg-param")
            .doc("Penalty strength of the logistic regression (over standardised statistics).")
            .defaultValue(LOGREG.regParam()).rule(LogisticRegressionSettings.REG_PARAM));
    public static final Setting<Double> TRAIN_LOGREG_ELASTIC_NET = register(Setting.decimal(
            "train.logreg.elastic-net").doc("Share of L1 in the logistic regression's penalty: 0 ridge, 1 lasso.")
            .defaultValue(LOGREG.elasticNet()).rule(LogisticRegressionSettings.ELASTIC_NET));
    public static final Setting<Integer> TRAIN_LOGREG_MAX_ITER = register(Setting.integer("train.logreg.max-iter")
            .doc("Most L-BFGS iterations of the logistic regression.").defaultValue(LOGREG.maxIter())
            .rule(LogisticRegressionSettings.MAX_ITER));
    public static final Setting<Double> TRAIN_LOGREG_TOL = register(Setting.decimal("train.logreg.tol")
            .doc("Convergence tolerance of the logistic regression.").defaultValue(LOGREG.tol())
            .rule(LogisticRegressionSettings.TOL));

    public static final Setting<Double> TRAIN_SVM_REG_PARAM = register(Setting.decimal("train.svm.reg-param")
            .doc("L2 penalty strength of the one-vs-rest linear SVMs.").defaultValue(SVM.regParam())
            .rule(LinearSvmSettings.REG_PARAM));
    public static final Setting<Integer> TRAIN_SVM_MAX_ITER = register(Setting.integer("train.svm.max-iter")
            .doc("Most L-BFGS iterations per SVM.").defaultValue(SVM.maxIter()).rule(LinearSvmSettings.MAX_ITER));
    public static final Setting<Double> TRAIN_SVM_TOL = register(Setting.decimal("train.svm.tol")
            .doc("Convergence tolerance of the SVMs.").defaultValue(SVM.tol()).rule(LinearSvmSettings.TOL));
    public static final Setting<Double> TRAIN_SVM_CALIBRATION_SHARE = register(Setting.decimal(
            "train.svm.calibration-share")
            .doc("Share of the training tracks held out to fit the softmax temperature that turns margins into "
                    + "probabilities.")
            .defaultValue(SVM.calibrationShare()).rule(LinearSvmSettings.CALIBRATION_SHARE));
    public static final Setting<Integer> TRAIN_SVM_PARALLELISM = register(Setting.integer("train.svm.parallelism")
            .doc("Per-label SVMs fitted at once.").defaultValue(SVM.parallelism())
            .rule(LinearSvmSettings.PARALLELISM));

    public static final Setting<String> TRAIN_MLP_HIDDEN_LAYERS = register(Setting.text("train.mlp.hidden-layers")
            .doc("Units of each hidden layer of the perceptron, input side first, comma-separated.")
            .defaultValue(MLP.hiddenLayers().stream().map(String::valueOf).collect(
                    java.util.stream.Collectors.joining(","))).check(Settings::layerSizes, "whole numbers >= 1, "
                    + "comma-separated"));
    public static final Setting<Integer> TRAIN_MLP_MAX_ITER = register(Setting.integer("train.mlp.max-iter")
            .doc("Most L-BFGS iterations of the perceptron.").defaultValue(MLP.maxIter()).rule(MlpSettings.MAX_ITER));
    public static final Setting<Double> TRAIN_MLP_TOL = register(Setting.decimal("train.mlp.tol")
            .doc("Convergence tolerance of the perceptron.").defaultValue(MLP.tol()).rule(MlpSettings.TOL));
    public static final Setting<Integer> TRAIN_MLP_BLOCK_SIZE = register(Setting.integer("train.mlp.block-size")
            .doc("Rows stacked into one matrix per step of the perceptron (speed only).")
            .defaultValue(MLP.blockSize()).rule(MlpSettings.BLOCK_SIZE));

    public static final Setting<Integer> TRAIN_GBT_ITERATIONS = register(Setting.integer("train.gbt.iterations")
            .doc("Boosting rounds (trees) per label of the one-vs-rest gradient-boosted trees.")
            .defaultValue(GBT.iterations()).rule(GbtSettings.ITERATIONS));
    public static final Setting<Integer> TRAIN_GBT_MAX_DEPTH = register(Setting.integer("train.gbt.max-depth")
            .doc("Depth of each boosted tree.").defaultValue(GBT.maxDepth()).rule(GbtSettings.MAX_DEPTH));
    public static final Setting<Double> TRAIN_GBT_STEP_SIZE = register(Setting.decimal("train.gbt.step-size")
            .doc("Learning rate (shrinkage) of the boosting.").defaultValue(GBT.stepSize())
            .rule(GbtSettings.STEP_SIZE));
    public static final Setting<Double> TRAIN_GBT_SUBSAMPLING_RATE = register(Setting.decimal(
            "train.gbt.subsampling-rate").doc("Share of the training segments each boosted tree is fitted on.")
            .defaultValue(GBT.subsamplingRate()).rule(GbtSettings.SUBSAMPLING_RATE));
    public static final Setting<String> TRAIN_GBT_FEATURE_SUBSET = register(Setting.text("train.gbt.feature-subset")
            .doc("Statistics considered per node of a boosted tree: all, onethird, sqrt, log2, a count or a share.")
            .defaultValue(GBT.featureSubset()).rule(GbtSettings.FEATURE_SUBSET));
    public static final Setting<Integer> TRAIN_GBT_MIN_INSTANCES_PER_NODE = register(Setting.integer(
            "train.gbt.min-instances-per-node").doc("Fewest training segments a boosted tree's node may hold.")
            .defaultValue(GBT.minInstancesPerNode()).rule(GbtSettings.MIN_INSTANCES_PER_NODE));
    public static final Setting<Integer> TRAIN_GBT_MAX_BINS = register(Setting.integer("train.gbt.max-bins")
            .doc("Candidate thresholds per statistic in the boosted trees.").defaultValue(GBT.maxBins())
            .rule(GbtSettings.MAX_BINS));
    public static final Setting<Integer> TRAIN_GBT_PARALLELISM = register(Setting.integer("train.gbt.parallelism")
            .doc("Per-label boosted models fitted at once.").defaultValue(GBT.parallelism())
            .rule(GbtSettings.PARALLELISM));

    // ---- score: bulk scoring of a library ----

    private static final ScoreSettings SCORE_DEFAULTS = ScoreSettings.defaults();

    public static final Setting<String> SCORE_AGGREGATION = register(Setting.text("score.aggregation")
            .doc("How a track's segments become its prediction: mean (of the segments' probabilities) or vote "
                    + "(majority of the segments' labels, as the seeds did; ties to the higher mean probability).")
            .defaultValue("mean").check(v -> v.equals("mean") || v.equals("vote"), "mean or vote"));

    public static final Setting<Integer> SCORE_TOP_K = register(Setting.integer("score.top-k")
            .doc("Labels listed per track in top_k, best first.")
            .defaultValue(SCORE_DEFAULTS.topK()).rule(ScoreSettings.TOP_K));

    public static final Setting<Double> SCORE_UNCERTAIN_BELOW = register(Setting.decimal("score.uncertain-below")
            .doc("A track whose best label's confidence is below this is uncertain: reported, never relabelled.")
            .defaultValue(SCORE_DEFAULTS.uncertainBelow()).rule(ScoreSettings.UNCERTAIN_BELOW));

    public static final Setting<String> SCORE_TAG_MAPPING = register(Setting.text("score.tag-mapping")
            .doc("A UTF-8 file of 'tag spelling = label' lines mapping the genre tags files carry to the model's "
                    + "labels (any filesystem URI); none: tags match labels ignoring case, spaces, '-' and '_'.")
            .noneAllowed());

    public static final Setting<Double> SCORE_FILE_TIMEOUT_SECONDS = register(Setting.decimal(
            "score.file-timeout-seconds")
            .doc("The most one file may take on an executor before it is set aside in rejected/ as timeout.")
            .defaultValue(SCORE_DEFAULTS.fileTimeoutSeconds()).check(ExtractionSettings.FILE_TIMEOUT_SECONDS::accepts,
                    ExtractionSettings.FILE_TIMEOUT_SECONDS.expectation()));

    private Settings() {}

    /** Every setting, in declaration order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_KEY.values()));
    }

    public static Optional<Setting<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The setting that sets the parameter of {@code rule}, if one does. */
    /** Whether {@code text} is a list of layer sizes {@code train.mlp.hidden-layers} accepts. */
    private static boolean layerSizes(String text) {
        try {
            return MlpSettings.HIDDEN_LAYERS.accepts(java.util.Arrays.stream(text.split(",")).map(String::trim)
                    .map(Integer::valueOf).toList());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static Optional<Setting<?>> byRule(ParameterRule<?> rule) {
        return Optional.ofNullable(BY_RULE.get(rule));
    }

    private static <T> Setting<T> register(Setting.Builder<T> builder) {
        Setting<T> setting = builder.build();
        if (BY_KEY.putIfAbsent(setting.key(), setting) != null) {
            throw new IllegalStateException("setting declared twice: " + setting.key());
        }
        if (setting.rule() != null && BY_RULE.putIfAbsent(setting.rule(), setting) != null) {
            throw new IllegalStateException("two settings set " + setting.rule().name() + ": " + setting.key());
        }
        return setting;
    }
}

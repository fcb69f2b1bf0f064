package dev.audiopipeline.training.baselines;

import dev.audiopipeline.training.prediction.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a baseline into a Spark ML {@code PipelineModel} over the {@code stats} and {@code label} columns. Its
 * stages, in order:
 * <ol>
 *   <li>{@link StatsImputerModel}: the statistics as a vector, missing values (NaN, infinite) filled with the
 *       training means;</li>
 *   <li>for {@link BaselineKind#standardised()} kinds, a {@code StandardScaler} (mean and standard deviation of the
 *       training rows);</li>
 *   <li>a {@code StringIndexerModel} built from the caller's labels, so that class index {@code i} is
 *       {@code labels.get(i)}; after training it keeps rows with a null or unknown label (index {@code labels.size()},
 *       read by no later stage), so the fitted pipeline also predicts unlabelled rows;</li>
 *   <li>the classifier ({@link BaselineClassifiers});</li>
 *   <li>for the one-vs-rest kinds, {@link OneVsRestProbabilities}.</li>
 * </ol>
 * Every stage is Spark's or writes itself with Spark's default params writer, so {@code model.write().save(uri)} and
 * {@code PipelineModel.load(uri)} work on any filesystem. {@link BaselinePredictions} reads the probabilities back.
 */
public final class BaselineTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineTrainer.class);

    /** Spark's log loss for gradient-boosted trees: a binary model's probability is sigmoid(2 * margin). */
    private static final double GBT_MARGIN_SCALE = 2.0;

    private BaselineTrainer() {
    }

    /**
     * Fits the baseline on {@code train}.
     *
     * @param train one row per training segment: {@link BaselineColumns#STATS} ({@code array<double>}, equally long),
     *     {@link BaselineColumns#LABEL} (a string, one of {@code labels}), and optionally
     *     {@link BaselineColumns#TRACK_ID} (the SVM's calibration rows are then held out by track)
     * @param labels the model's labels, distinct; class index {@code i} is {@code labels.get(i)}
     * @param seed seeds every random choice (forest and boosting samples, perceptron weights, calibration tracks):
     *     the same rows, partitioned the same way, give the same model
     * @throws IllegalArgumentException when a column is missing or of another type, a row has no label or one not in
     *     {@code labels}, a label has no row, or rows' statistics differ in length
     */
    public static PipelineModel fit(Dataset<Row> train, List<String> labels, BaselineSettings settings, long seed) {
        Labels order = Labels.of(labels);
        List<String> columns = inputColumns(train.schema());
        long start = System.nanoTime();
        Dataset<Row> rows = train.select(columns.stream().map(train::col).toArray(org.apache.spark.sql.Column[]::new))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long[] perLabel = TrainingLabels.rowsPerLabel(rows, BaselineColumns.LABEL, order);
            StatsImputerModel imputer = new StatsImputer().fit(rows);
            StringIndexerModel indexer = new StringIndexerModel(labels.toArray(new String[0]))
                    .setInputCol(BaselineColumns.LABEL).setOutputCol(BaselineColumns.LABEL_INDEX)
                    .setHandleInvalid("error");
            List<PipelineStage> stages = stagesUpToClassifier(settings, seed, imputer, indexer, order.size());
            switch (settings.kind()) {
                case SVM -> {
                    LinearSvmSettings svm = (LinearSvmSettings) settings;
                    double scale = SvmCalibration.scale(rows, pipeline(stages), svm.calibrationShare(), seed,
                            order.size());
                    stages.add(probabilities(OneVsRestProbabilities.SOFTMAX, scale));
                }
                case GBT -> stages.add(probabilities(OneVsRestProbabilities.LOGISTIC, GBT_MARGIN_SCALE));
                default -> { }
            }
            PipelineModel model = pipeline(stages).fit(rows);
            indexer.setHandleInvalid("keep");
            LOG.info("{} trained on {} rows ({} per label, in order {}) of {} statistics in {} s",
                    settings.kind().cliName(), Arrays.stream(perLabel).sum(), Arrays.toString(perLabel), order,
                    imputer.size(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            return model;
        } finally {
            rows.unpersist();
        }
    }

    private static List<PipelineStage> stagesUpToClassifier(BaselineSettings settings, long seed,
                                                            StatsImputerModel imputer, StringIndexerModel indexer,
                                                            int labels) {
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(imputer);
        String features = BaselineColumns.FEATURES;
        if (settings.kind().standardised()) {
            stages.add(new StandardScaler().setInputCol(features).setOutputCol(BaselineColumns.SCALED)
                    .setWithMean(true).setWithStd(true));
            features = BaselineColumns.SCALED;
        }
        stages.add(indexer);
        stages.add(BaselineClassifiers.classifier(settings, seed, features, imputer.size(), labels));
        return stages;
    }

    private static OneVsRestProbabilities probabilities(String link, double scale) {
        return new OneVsRestProbabilities().setInputCol(BaselineColumns.RAW)
                .setOutputCol(BaselineColumns.PROBABILITY).setLink(link).setScale(scale);
    }

    private static Pipeline pipeline(List<PipelineStage> stages) {
        return new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
    }

    /** The columns training reads: statistics, label and, when present, the track. */
    private static List<String> inputColumns(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(BaselineColumns.LABEL)) {
            throw new IllegalArgumentException("training rows need a '" + BaselineColumns.LABEL + "' column; the"
                    + " columns are " + String.join(", ", names));
        }
        if (!schema.apply(BaselineColumns.LABEL).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("column '" + BaselineColumns.LABEL + "' must be a string, is "
                    + schema.apply(BaselineColumns.LABEL).dataType().simpleString());
        }
        StatsColumnsCheck.withVectorOutput(schema, BaselineColumns.STATS, BaselineColumns.FEATURES);
        List<String> columns = new ArrayList<>(List.of(BaselineColumns.STATS, BaselineColumns.LABEL));
        if (names.contains(BaselineColumns.TRACK_ID)) {
            columns.add(BaselineColumns.TRACK_ID);
        }
        return columns;
    }
}

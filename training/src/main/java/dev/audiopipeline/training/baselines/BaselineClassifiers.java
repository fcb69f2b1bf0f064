package dev.audiopipeline.training.baselines;

import static dev.audiopipeline.training.baselines.BaselineColumns.LABEL_INDEX;
import static dev.audiopipeline.training.baselines.BaselineColumns.PREDICTION;
import static dev.audiopipeline.training.baselines.BaselineColumns.PROBABILITY;
import static dev.audiopipeline.training.baselines.BaselineColumns.RAW;

import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.RandomForestClassifier;

/**
 * The Spark ML classifier of each baseline, its hyper-parameters set from the settings, reading {@code featuresCol}
 * and {@link BaselineColumns#LABEL_INDEX} and writing {@link BaselineColumns#RAW}, {@link BaselineColumns#PREDICTION}
 * and (all but the one-vs-rest models, whose probabilities {@link OneVsRestProbabilities} adds)
 * {@link BaselineColumns#PROBABILITY}.
 */
final class BaselineClassifiers {
    /** Memory for the tree learners' node statistics per pass: more nodes split per pass over the data. */
    private static final int TREE_MEMORY_MB = 512;
    /** Column names of the binary models inside one-vs-rest, out of the way of the pipeline's own. */
    private static final String BINARY_RAW = "baseline_binary_raw";
    private static final String BINARY_PROBABILITY = "baseline_binary_probability";

    private BaselineClassifiers() {
    }

    /**
     * The classifier.
     *
     * @param features how many values each feature vector holds (the perceptron's input layer)
     * @param labels how many labels (the perceptron's output layer)
     */
    static PipelineStage classifier(BaselineSettings settings, long seed, String featuresCol, int features,
                                    int labels) {
        return switch (settings.kind()) {
            case RF -> randomForest((RandomForestSettings) settings, seed, featuresCol);
            case LOGREG -> logisticRegression((LogisticRegressionSettings) settings, featuresCol);
            case SVM -> linearSvm((LinearSvmSettings) settings, featuresCol);
            case MLP -> perceptron((MlpSettings) settings, seed, featuresCol, features, labels);
            case GBT -> boostedTrees((GbtSettings) settings, seed, featuresCol);
        };
    }

    private static RandomForestClassifier randomForest(RandomForestSettings rf, long seed, String featuresCol) {
        return new RandomForestClassifier()
                .setFeaturesCol(featuresCol).setLabelCol(LABEL_INDEX)
                .setRawPredictionCol(RAW).setProbabilityCol(PROBABILITY).setPredictionCol(PREDICTION)
                .setNumTrees(rf.trees())
                .setMaxDepth(rf.maxDepth())
                .setMinInstancesPerNode(rf.minInstancesPerNode())
                .setFeatureSubsetStrategy(rf.featureSubset())
                .setSubsamplingRate(rf.subsamplingRate())
                .setMaxBins(rf.maxBins())
                .setImpurity("gini")
                .setBootstrap(true)
                .setMaxMemoryInMB(TREE_MEMORY_MB)
                // deep trees: keep each row's node id instead of walking the tree from the root every level
                .setCacheNodeIds(true)
                .setSeed(seed);
    }

    private static LogisticRegression logisticRegression(LogisticRegressionSettings logreg, String featuresCol) {
        return new LogisticRegression()
                .setFeaturesCol(featuresCol).setLabelCol(LABEL_INDEX)
                .setRawPredictionCol(RAW).setProbabilityCol(PROBABILITY).setPredictionCol(PREDICTION)
                .setFamily("multinomial")
                .setRegParam(logreg.regParam())
                .setElasticNetParam(logreg.elasticNet())
                .setMaxIter(logreg.maxIter())
                .setTol(logreg.tol())
                // the features come standardised already
                .setStandardization(false);
    }

    private static OneVsRest linearSvm(LinearSvmSettings svm, String featuresCol) {
        LinearSVC binary = new LinearSVC()
                .setRawPredictionCol(BINARY_RAW)
                .setRegParam(svm.regParam())
                .setMaxIter(svm.maxIter())
                .setTol(svm.tol())
                .setStandardization(false);
        return new OneVsRest().setClassifier(binary)
                .setFeaturesCol(featuresCol).setLabelCol(LABEL_INDEX)
                .setRawPredictionCol(RAW).setPredictionCol(PREDICTION)
                .setParallelism(svm.parallelism());
    }

    private static MultilayerPerceptronClassifier perceptron(MlpSettings mlp, long seed, String featuresCol,
                                                             int features, int labels) {
        return new MultilayerPerceptronClassifier()
                .setFeaturesCol(featuresCol).setLabelCol(LABEL_INDEX)
                .setRawPredictionCol(RAW).setProbabilityCol(PROBABILITY).setPredictionCol(PREDICTION)
                .setLayers(mlp.layers(features, labels))
                .setSolver("l-bfgs")
                .setMaxIter(mlp.maxIter())
                .setTol(mlp.tol())
                .setBlockSize(mlp.blockSize())
                .setSeed(seed);
    }

    private static OneVsRest boostedTrees(GbtSettings gbt, long seed, String featuresCol) {
        GBTClassifier binary = new GBTClassifier()
                .setRawPredictionCol(BINARY_RAW).setProbabilityCol(BINARY_PROBABILITY)
                .setLossType("logistic")
                .setMaxIter(gbt.iterations())
                .setMaxDepth(gbt.maxDepth())
                .setStepSize(gbt.stepSize())
                .setSubsamplingRate(gbt.subsamplingRate())
                .setFeatureSubsetStrategy(gbt.featureSubset())
                .setMinInstancesPerNode(gbt.minInstancesPerNode())
                .setMaxBins(gbt.maxBins())
                .setMaxMemoryInMB(TREE_MEMORY_MB)
                .setCacheNodeIds(true)
                .setSeed(seed);
        return new OneVsRest().setClassifier(binary)
                .setFeaturesCol(featuresCol).setLabelCol(LABEL_INDEX)
                .setRawPredictionCol(RAW).setPredictionCol(PREDICTION)
                .setParallelism(gbt.parallelism());
    }
}

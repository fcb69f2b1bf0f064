package dev.audiopipeline.training.baselines;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Probabilities from the per-label margins of a one-vs-rest model ({@code OneVsRestModel}'s raw prediction: the
 * i-th binary model's margin for label i), in label order, summing to one. Two links:
 * <ul>
 *   <li>{@code logistic}: label i's binary probability is {@code sigmoid(scale * m_i)}; they are divided by their
 *       sum. For gradient-boosted trees with Spark's log loss, {@code scale = 2} gives each binary model's own
 *       probability (what {@code GBTClassificationModel} reports); the normalisation is scikit-learn's
 *       {@code OneVsRestClassifier.predict_proba}.</li>
 *   <li>{@code softmax}: {@code exp(scale * m_i) / sum_j exp(scale * m_j)}, a temperature {@code 1 / scale}
 *       fitted to held-out margins ({@link SoftmaxTemperature}); for SVMs, whose margins are not log-odds.</li>
 * </ul>
 * Both are computed in log space (no overflow or 0/0 for large margins) with {@code StrictMath} (the same bits on
 * every JVM, compiled or not) and keep the margins' order, so the most probable label is the one-vs-rest
 * prediction.
 */
public final class OneVsRestProbabilities extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    public static final String LOGISTIC = "logistic";
    public static final String SOFTMAX = "softmax";

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> link;
    private final DoubleParam scale;

    public OneVsRestProbabilities() {
        this(Identifiable.randomUID("ovrProbabilities"));
    }

    public OneVsRestProbabilities(String uid) {
        this.uid = uid;
        inputCol = new Param<>(uid, "inputCol", "the per-label margins, a vector");
        outputCol = new Param<>(uid, "outputCol", "the probability vector added");
        link = new Param<>(uid, "link", "how margins become probabilities: logistic (normalised per-label "
                + "sigmoids) or softmax", ParamValidators.inArray(new String[] {LOGISTIC, SOFTMAX}));
        scale = new DoubleParam(uid, "scale", "the factor the margins are multiplied by first (1 / temperature)",
                ParamValidators.gt(0));
        setDefault(inputCol, BaselineColumns.RAW);
        setDefault(outputCol, BaselineColumns.PROBABILITY);
        setDefault(link, SOFTMAX);
        setDefault(scale, 1.0);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() { return inputCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> link() { return link; }
    public DoubleParam scale() { return scale; }

    public String getInputCol() { return $(inputCol); }
    public String getOutputCol() { return $(outputCol); }
    public String getLink() { return $(link); }
    public double getScale() { return (Double) $(scale); }

    public OneVsRestProbabilities setInputCol(String value) { set(inputCol, value); return this; }
    public OneVsRestProbabilities setOutputCol(String value) { set(outputCol, value); return this; }
    public OneVsRestProbabilities setLink(String value) { set(link, value.toLowerCase(Locale.ROOT)); return this; }
    public OneVsRestProbabilities setScale(double value) { set(scale, value); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        String input = getInputCol();
        if (!Arrays.asList(schema.fieldNames()).contains(input)) {
            throw new IllegalArgumentException("input column '" + input + "' is missing");
        }
        if (!schema.apply(input).dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("input column '" + input + "' must be a vector, is "
                    + schema.apply(input).dataType().simpleString());
        }
        StatsColumnsCheck.requireFree(schema, getOutputCol());
        return schema.add(getOutputCol(), SQLDataTypes.VectorType(), false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Link function = new Link(LOGISTIC.equals(getLink()), getScale());
        return dataset.withColumn(getOutputCol(),
                functions.udf(function, SQLDataTypes.VectorType()).apply(dataset.col(getInputCol())));
    }

    /** The probabilities of one margin vector, as the transformer computes them. */
    public double[] probabilities(double[] margins) {
        return new Link(LOGISTIC.equals(getLink()), getScale()).probabilities(margins);
    }

    @Override
    public OneVsRestProbabilities copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark's pipeline reader calls it. */
    public static MLReader<OneVsRestProbabilities> read() {
        return new DefaultParamsReader<>();
    }

    public static OneVsRestProbabilities load(String path) {
        return read().load(path);
    }

    private record Link(boolean logistic, double scale) implements UDF1<Vector, Vector> {
        @Override
        public Vector call(Vector margins) {
            return margins == null ? null : Vectors.dense(probabilities(margins.toArray()));
        }

        /** Log-probabilities (unnormalised) per label, then normalised with log-sum-exp. */
        double[] probabilities(double[] margins) {
            double[] logits = new double[margins.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < margins.length; i++) {
                double z = scale * margins[i];
                logits[i] = logistic ? logSigmoid(z) : z;
                max = Math.max(max, logits[i]);
            }
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                logits[i] = StrictMath.exp(logits[i] - max);
                sum += logits[i];
            }
            for (int i = 0; i < logits.length; i++) {
                logits[i] /= sum;
            }
            return logits;
        }

        /** {@code log(1 / (1 + exp(-z)))} without overflow. */
        private static double logSigmoid(double z) {
            return z >= 0 ? -StrictMath.log1p(StrictMath.exp(-z)) : z - StrictMath.log1p(StrictMath.exp(z));
        }
    }
}

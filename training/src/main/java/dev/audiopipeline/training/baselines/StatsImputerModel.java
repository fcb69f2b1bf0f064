package dev.audiopipeline.training.baselines;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * The statistics as a dense vector, every null, NaN or infinite value replaced by its coordinate's fill value (the
 * training mean, see {@link StatsImputer}). A row whose statistics are null or of another length than the fill
 * values fails the job with a message saying so (rejected inputs carry no statistics: leave them out first).
 *
 * <p>The fill values are a param, so Spark's default params persistence writes them (as JSON numbers, which read
 * back to the same doubles).
 */
public final class StatsImputerModel extends Model<StatsImputerModel> implements StatsImputerParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final DoubleArrayParam fillValues;

    public StatsImputerModel(String uid) {
        this.uid = uid;
        inputCol = StatsImputerParams.inputCol(uid);
        outputCol = StatsImputerParams.outputCol(uid);
        fillValues = new DoubleArrayParam(this, "fillValues",
                "the value each coordinate's missing values (null, NaN, infinite) are replaced with");
        setColumnDefaults();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override public Param<String> inputCol() { return inputCol; }
    @Override public Param<String> outputCol() { return outputCol; }
    public DoubleArrayParam fillValues() { return fillValues; }

    /** A copy of the fill values, one per coordinate. */
    public double[] getFillValues() { return $(fillValues).clone(); }

    public StatsImputerModel setInputCol(String value) { set(inputCol, value); return this; }
    public StatsImputerModel setOutputCol(String value) { set(outputCol, value); return this; }
    public StatsImputerModel setFillValues(double[] value) { set(fillValues, value.clone()); return this; }

    /** How many values each row's statistics hold: the vectors' size. */
    public int size() {
        return $(fillValues).length;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(fillValues)) {
            throw new IllegalStateException("the fill values are not set");
        }
        return StatsColumnsCheck.withVectorOutput(schema, getInputCol(), getOutputCol());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        UserDefinedFunction fill = functions.udf(new FilledVector(getInputCol(), $(fillValues)),
                SQLDataTypes.VectorType()).asNonNullable();
        return dataset.withColumn(getOutputCol(), fill.apply(dataset.col(getInputCol())));
    }

    @Override
    public StatsImputerModel copy(ParamMap extra) {
        return copyValues(new StatsImputerModel(uid), extra).setParent(parent());
    }

    /** Spark's pipeline reader calls it. */
    public static MLReader<StatsImputerModel> read() {
        return new DefaultParamsReader<>();
    }

    public static StatsImputerModel load(String path) {
        return read().load(path);
    }

    /** One row's statistics as a filled vector. */
    private static final class FilledVector implements UDF1<Seq<Object>, Vector> {
        private static final long serialVersionUID = 1L;

        private final String column;
        private final double[] fill;

        FilledVector(String column, double[] fill) {
            this.column = column;
            this.fill = fill;
        }

        @Override
        public Vector call(Seq<Object> stats) {
            if (stats == null) {
                throw new IllegalArgumentException("a row has no '" + column + "' (null): rows without features"
                        + " (rejected inputs) cannot be classified");
            }
            if (stats.length() != fill.length) {
                throw new IllegalArgumentException("a row's '" + column + "' has " + stats.length()
                        + " values, the model expects " + fill.length + " (features extracted with other settings?)");
            }
            double[] values = new double[fill.length];
            for (int i = 0; i < values.length; i++) {
                Object value = stats.apply(i);
                double number = value == null ? Double.NaN : (Double) value;
                values[i] = Double.isFinite(number) ? number : fill[i];
            }
            return Vectors.dense(values);
        }
    }
}

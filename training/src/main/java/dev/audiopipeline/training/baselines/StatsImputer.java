package dev.audiopipeline.training.baselines;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Fits {@link StatsImputerModel}: the summary statistics ({@code array<double>}) as a vector with every missing value
 * filled. A value is missing when it is null, NaN or infinite: a silent segment has NaN skew and kurtosis for every
 * coefficient that is constant over it (as scipy gives). Each coordinate is filled with the mean of its finite
 * training values (scikit-learn's {@code SimpleImputer} default), or 0 when it had none.
 *
 * <p>Every row must hold as many values as the first; a row of another length (features extracted with other
 * settings) or a null array stops the fit naming the column. The means are summed per partition and the partitions'
 * sums merged in partition order, so the same input partitioned the same way gives the same means to the bit.
 */
public final class StatsImputer extends Estimator<StatsImputerModel> implements StatsImputerParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;

    public StatsImputer() {
        this(Identifiable.randomUID("statsImputer"));
    }

    public StatsImputer(String uid) {
        this.uid = uid;
        inputCol = StatsImputerParams.inputCol(uid);
        outputCol = StatsImputerParams.outputCol(uid);
        setColumnDefaults();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override public Param<String> inputCol() { return inputCol; }
    @Override public Param<String> outputCol() { return outputCol; }

    public StatsImputer setInputCol(String value) { set(inputCol, value); return this; }
    public StatsImputer setOutputCol(String value) { set(outputCol, value); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        return StatsColumnsCheck.withVectorOutput(schema, getInputCol(), getOutputCol());
    }

    @Override
    public StatsImputerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        String column = getInputCol();
        List<FiniteMeans> byPartition = dataset.toDF().select(column).javaRDD()
                .mapPartitions((Iterator<Row> rows) -> {
                    FiniteMeans partition = new FiniteMeans(column);
                    rows.forEachRemaining(row -> partition.add(row.isNullAt(0) ? null : row.getList(0)));
                    return Collections.singletonList(partition).iterator();
                })
                .collect();
        FiniteMeans all = new FiniteMeans(column);
        byPartition.forEach(all::merge);
        StatsImputerModel model = new StatsImputerModel(uid).setFillValues(all.means());
        copyValues(model, new ParamMap());
        return model.setParent(this);
    }

    @Override
    public StatsImputer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark's pipeline reader calls it. */
    public static MLReader<StatsImputer> read() {
        return new DefaultParamsReader<>();
    }

    public static StatsImputer load(String path) {
        return read().load(path);
    }
}

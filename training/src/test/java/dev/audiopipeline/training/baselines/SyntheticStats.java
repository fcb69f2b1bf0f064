package dev.audiopipeline.training.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Segment rows whose statistics carry a label-dependent signal, laid out like the product's (6 statistics per
 * coefficient: mean, std, skew, kurtosis, min, max), with the missing values real features have.
 *
 * <p>{@value #COEFFICIENTS} coefficients x 6 statistics. Each label has a prototype: {@value #INFORMATIVE} of the
 * coordinates (among them skew and kurtosis ones) get a label-specific mean drawn from N(0, 1); the others are 0. A
 * track adds its own offset, N(0, 0.3) per coordinate, and each segment noise, N(0, 1). So labels differ by about
 * 4 noise standard deviations in all, spread over 12 of 36 coordinates, and a track's segments are alike, as real
 * ones are. Missing values: one segment in 8 is "silent", NaN in every skew and kurtosis coordinate (as scipy gives
 * for a constant series); and one value in 100 is NaN, +Infinity or -Infinity.
 */
final class SyntheticStats {
    static final int COEFFICIENTS = 6;
    static final int SIZE = COEFFICIENTS * 6;
    static final int INFORMATIVE = 12;

    static final StructType SCHEMA = new StructType()
            .add("track_id", DataTypes.StringType)
            .add("path", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("segment", DataTypes.IntegerType)
            .add("stats", DataTypes.createArrayType(DataTypes.DoubleType, true));

    private SyntheticStats() {
    }

    /**
     * {@code tracksPerLabel} tracks of each label, {@code segments} rows each, ordered by label, track, segment.
     *
     * @param seed the tracks' and segments' randomness (the prototypes depend on the label's name only)
     */
    static Dataset<Row> rows(SparkSession spark, List<String> labels, int tracksPerLabel, int segments, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (String label : labels) {
            double[] prototype = prototype(label);
            for (int track = 0; track < tracksPerLabel; track++) {
                String trackId = label + "-" + seed + "-" + track;
                double[] offset = new double[SIZE];
                for (int i = 0; i < SIZE; i++) {
                    offset[i] = 0.3 * random.nextGaussian();
                }
                for (int segment = 0; segment < segments; segment++) {
                    rows.add(RowFactory.create(trackId, "/music/" + label + "/" + trackId + ".wav", label, segment,
                            segmentStats(prototype, offset, random)));
                }
            }
        }
        return spark.createDataFrame(rows, SCHEMA).coalesce(2);
    }

    /** Label-specific means on the informative coordinates: every third coordinate, so skew and kurtosis too. */
    private static double[] prototype(String label) {
        Random random = new Random(label.hashCode());
        double[] prototype = new double[SIZE];
        for (int informative = 0; informative < INFORMATIVE; informative++) {
            prototype[informative * 3] = random.nextGaussian();
        }
        return prototype;
    }

    private static List<Double> segmentStats(double[] prototype, double[] offset, Random random) {
        boolean silent = random.nextInt(8) == 0;
        List<Double> stats = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            double value = prototype[i] + offset[i] + random.nextGaussian();
            int statistic = i % 6;
            if (silent && (statistic == 2 || statistic == 3)) {
                value = Double.NaN;
            } else if (random.nextInt(100) == 0) {
                value = new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}[random.nextInt(3)];
            }
            stats.add(value);
        }
        return stats;
    }
}

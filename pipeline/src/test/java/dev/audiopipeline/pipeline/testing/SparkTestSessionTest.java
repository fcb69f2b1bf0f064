package dev.audiopipeline.pipeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared test session works on Java 17 and round-trips feature matrices through Parquet bit-exactly. */
@ExtendWith(SparkTestSession.class)
class SparkTestSessionTest {

    @Test
    void sessionIsLocalBoundToLoopbackAndSharedAcrossTests(SparkSession spark) {
        assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
        assertThat(spark.conf().get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(org.apache.spark.util.Utils.getLocalDir(spark.sparkContext().getConf()))
                .startsWith(TestScratch.root().toString());
        assertThat(SparkTestSession.get()).isSameAs(spark);
    }

    @Test
    void featureMatricesRoundTripThroughParquetBitExact(SparkSession spark) {
        Matrix row = new Matrix();
        row.setId("clip-1");
        row.setValues(new float[][] {{Float.MIN_VALUE, -0f, 1e-30f}, {Float.MAX_VALUE, (float) Math.PI, -80f}});
        Path out = TestScratch.newDirectory("parquet").resolve("matrices");

        spark.createDataset(List.of(row), Encoders.bean(Matrix.class)).write().parquet(out.toString());
        Dataset<Matrix> back = spark.read().parquet(out.toString()).as(Encoders.bean(Matrix.class));

        List<Matrix> rows = back.collectAsList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getId()).isEqualTo("clip-1");
        float[][] values = rows.get(0).getValues();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                assertThat(Float.floatToRawIntBits(values[i][j]))
                        .as("value [%d][%d]", i, j)
                        .isEqualTo(Float.floatToRawIntBits(row.getValues()[i][j]));
            }
        }
    }

    /** A Java bean with a matrix column, as feature rows are read from Java. */
    public static final class Matrix implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id;
        private float[][] values;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public float[][] getValues() {
            return values;
        }

        public void setValues(float[][] values) {
            this.values = values;
        }
    }
}

package dev.audiopipeline.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.extract.ExtractedRecord;
import dev.audiopipeline.pipeline.ml.AudioFeatureColumns;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The features table is declared once; the job's row bean and the ML transformer's columns follow it. */
class FeaturesTableTest {

    @Test
    void theJobsRowBeanHasExactlyTheTablesColumnsWithTheirTypes() {
        StructType bean = Encoders.bean(ExtractedRecord.class).schema();
        Map<String, StructField> byProperty = Arrays.stream(bean.fields())
                .collect(Collectors.toMap(StructField::name, Function.identity()));
        assertThat(byProperty).hasSameSizeAs(FeaturesTable.SCHEMA.fields());
        for (StructField column : FeaturesTable.SCHEMA.fields()) {
            StructField property = byProperty.get(FeaturesTable.beanProperty(column.name()));
            assertThat(property).as(column.name()).isNotNull();
            assertThat(property.dataType()).as(column.name()).isEqualTo(column.dataType());
        }
    }

    @Test
    void beanPropertiesAreTheColumnNamesInCamelCase() {
        assertThat(FeaturesTable.beanProperty("source_mtime_ms")).isEqualTo("sourceMtimeMs");
        assertThat(FeaturesTable.beanProperty("track_id")).isEqualTo("trackId");
        assertThat(FeaturesTable.beanProperty("mfcc")).isEqualTo("mfcc");
    }

    @Test
    void theTransformerAddsTheTablesSegmentColumnsThenTheHashAndItsErrorColumns() {
        assertThat(AudioFeatureColumns.ADDED.fieldNames()).containsExactly("segment", "start_s", "duration_s",
                "sample_rate", "mfcc", "logmel", "contrast", "stats", "config_hash", "error_reason", "error_detail");
        for (StructField column : FeaturesTable.SEGMENT_COLUMNS.fields()) {
            assertThat(AudioFeatureColumns.ADDED.apply(column.name())).isEqualTo(column);
        }
    }

    @Test
    void rejectedRowsShareTheIdentityColumnsOfFeatureRows() {
        assertThat(RejectedTable.SCHEMA.fieldNames()).containsExactly("path", "reason", "detail", "label", "split",
                "source_size", "source_mtime_ms");
        for (String name : FeaturesTable.SOURCE_IDENTITY.fieldNames()) {
            assertThat(RejectedTable.SCHEMA.apply(name)).isEqualTo(FeaturesTable.SCHEMA.apply(name));
        }
    }
}

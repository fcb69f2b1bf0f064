package dev.audiopipeline.training.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No track on two sides, augmented variants only in training, labels the model can learn. */
@ExtendWith(SparkTestSession.class)
class SplitDataTest {

    @Test
    void everyTrackIsOnOneSideOnlyAndVariantsStayInTraining(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            String label = t % 3 == 0 ? "a" : t % 3 == 1 ? "b" : "c";
            String split = t < 6 ? "test" : "train";
            for (int segment = 0; segment < 4; segment++) {
                for (int variant = 0; variant <= 2; variant++) {
                    if (variant > 0 && split.equals("test")) {
                        continue;
                    }
                    rows.add(row("t" + t, label, split, segment, variant));
                }
            }
        }
        rows.add(row("unlabelled", null, "train", 0, 0));
        Dataset<Row> table = spark.createDataFrame(rows, FeaturesTable.SCHEMA);

        SplitData split = SplitData.of(spark, table, new TrackSplitter(0.2, 0.2, 3));

        Set<String> train = tracks(split.train());
        Set<String> validation = tracks(split.validation());
        Set<String> test = tracks(split.test());
        assertThat(intersection(train, validation)).isEmpty();
        assertThat(intersection(train, test)).isEmpty();
        assertThat(intersection(validation, test)).isEmpty();
        assertThat(train.size() + validation.size() + test.size()).isEqualTo(30);
        assertThat(validation).isNotEmpty();
        assertThat(split.validation().filter("variant > 0").count()).isZero();
        assertThat(split.test().filter("variant > 0").count()).isZero();
        assertThat(split.train().filter("variant > 0").count()).isEqualTo(train.size() * 4L * 2);
        assertThat(split.labels().names()).containsExactly("a", "b", "c");
        assertThat(split.summary().unlabelledRows()).isEqualTo(1);
        assertThat(split.summary().tracks(DataSplit.TEST)).isEqualTo(6);
        assertThat(split.summary().rows(DataSplit.TRAIN)).isEqualTo(split.train().count());
    }

    @Test
    void aLabelWithoutTrainingTracksAndATrackWithTwoLabelsAreRefused(SparkSession spark) {
        Dataset<Row> onlyTested = spark.createDataFrame(List.of(row("x", "a", "train", 0, 0),
                row("y", "b", "test", 0, 0)), FeaturesTable.SCHEMA);
        assertThatThrownBy(() -> SplitData.of(spark, onlyTested, new TrackSplitter(0, 0.2, 1)))
                .hasMessageContaining("label(s) [b] have tracks but no training track");

        Dataset<Row> twoLabels = spark.createDataFrame(List.of(row("x", "a", "train", 0, 0),
                row("x", "b", "train", 1, 0)), FeaturesTable.SCHEMA);
        assertThatThrownBy(() -> SplitData.of(spark, twoLabels, new TrackSplitter(0, 0.2, 1)))
                .hasMessageContaining("track x").hasMessageContaining("a/train and b/train");
    }

    private static Row row(String track, String label, String split, int segment, int variant) {
        return RowFactory.create(track, "/music/" + track + ".wav", label, split, segment, variant, segment * 3.0,
                3.0, 22050, null, null, null, null, "hash", 100L, 1L);
    }

    private static Set<String> tracks(Dataset<Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.select(FeaturesTable.TRACK_ID).collectAsList().forEach(r -> ids.add(r.getString(0)));
        return ids;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}

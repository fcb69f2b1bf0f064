package dev.audiopipeline.training.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.pipeline.corpus.SyntheticTrack;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.training.bundle.BundleException;
import dev.audiopipeline.training.prediction.TrackAggregation;
import dev.audiopipeline.training.train.ExtractedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code score} on a small mixed library: formats, rates, channels, tags of each kind, a broken file. */
@ExtendWith(SparkTestSession.class)
class ScoreJobTest {

    private final Path work = TestScratch.newDirectory("score");

    @Test
    void scoresAMixedLibraryComparesTagsAndListsWhatToRelabel(SparkSession spark) throws Exception {
        String bundle = ExtractedCorpus.denseBundle(spark);
        Path library = work.resolve("library");
        // A hiphop track tagged with another spelling, a metal track tagged classical (to relabel), a reggae track
        // tagged with a genre no label maps to, classical FLAC with a Vorbis comment, an untagged 48 kHz stereo WAV,
        // a 16 kHz stereo Ogg (FFmpeg's Vorbis encoder is stereo only) with the genre on its stream, and text posing as an MP3.
        write(library.resolve("a/hiphop.mp3"), encode("mp3", "libmp3lame", "hiphop", 44100, 2,
                Map.of("genre", List.of("Hip-Hop")), Map.of()));
        write(library.resolve("a/metal tagged classical.mp3"), encode("mp3", "libmp3lame", "metal", 44100, 1,
                Map.of("genre", List.of("Classical")), Map.of()));
        write(library.resolve("b/reggae.m4a"), encode("ipod", "aac", "reggae", 44100, 2,
                Map.of("genre", List.of("Polka")), Map.of()));
        write(library.resolve("b/classical.flac"), encode("flac", "flac", "classical", 22050, 1,
                Map.of("genre", List.of("classical")), Map.of()));
        write(library.resolve("c/metal.ogg"), encode("ogg", "vorbis", "metal", 16000, 2, Map.of(),
                Map.of("genre", List.of("Metal"))));
        Files.createDirectories(library.resolve("c"));
        WavWriter.of(WavWriter.Encoding.PCM_16).write(library.resolve("c/hiphop stereo.wav"), new float[][] {
            render("hiphop", 48000), render("hiphop", 48000)}, 48000);
        Files.writeString(library.resolve("c/notes.mp3"), "not audio", StandardCharsets.UTF_8);
        Path mapping = work.resolve("mapping.txt");
        Files.writeString(mapping, "# spelling = label\nHip-Hop = hiphop\n", StandardCharsets.UTF_8);
        String output = work.resolve("scores").toUri().toString();

        ScoreJob.Result result = new ScoreJob(spark).scoreAudio(bundle, library.toUri().toString(),
                new ScoreSettings(TrackAggregation.MEAN_PROBABILITY, 3, 0.5, mapping.toUri().toString(), 600,
                        "lz4_raw"), output);

        ScoreSummary summary = result.summary();
        assertThat(summary.filesSeen()).isEqualTo(7);
        assertThat(summary.tracksScored()).isEqualTo(6);
        assertThat(summary.filesRejected()).isEqualTo(1);
        Map<String, Row> byName = spark.read().parquet(output + "/predictions").collectAsList().stream()
                .collect(Collectors.toMap(r -> name(r.getString(r.fieldIndex("path"))), r -> r));
        assertThat(byName).hasSize(6);
        // The styles are far apart; every track is recognised whatever its format, rate and channels.
        for (Map.Entry<String, Row> track : byName.entrySet()) {
            String expected = track.getKey().startsWith("metal") ? "metal" : track.getKey().split("[ .]")[0];
            assertThat(track.getValue().getString(track.getValue().fieldIndex("predicted_label")))
                    .as(track.getKey()).isEqualTo(expected);
            assertThat(track.getValue().getList(track.getValue().fieldIndex("top_k"))).hasSize(3);
        }
        assertThat(tag(byName.get("hiphop.mp3"))).isEqualTo("hiphop|id3v2|true");
        assertThat(tag(byName.get("metal tagged classical.mp3"))).isEqualTo("classical|id3v2|true");
        assertThat(tag(byName.get("reggae.m4a"))).isEqualTo("Polka|mp4|false");
        assertThat(tag(byName.get("classical.flac"))).isEqualTo("classical|vorbis|true");
        assertThat(tag(byName.get("metal.ogg"))).isEqualTo("metal|vorbis|true");
        assertThat(tag(byName.get("hiphop stereo.wav"))).isEqualTo("null|none|false");

        List<String> relabel = Files.readAllLines(work.resolve("scores/relabel.csv"));
        assertThat(relabel).hasSize(2);
        assertThat(relabel.get(1)).contains("metal tagged classical.mp3,classical,metal,");
        assertThat(summary.tagged()).isEqualTo(4);
        assertThat(summary.agreeing()).isEqualTo(3);
        assertThat(summary.unmappedTags()).containsEntry("Polka", 1L);
        assertThat(Files.readAllLines(work.resolve("scores/predictions.csv"))).hasSize(7);
        assertThat(spark.read().parquet(output + "/rejected").collectAsList()).singleElement()
                .satisfies(r -> assertThat(r.getString(r.fieldIndex("reason"))).isEqualTo("unsupported_format"));
        JsonNode json = new ObjectMapper().readTree(work.resolve("scores/_summary.json").toFile());
        assertThat(json.get("tracks_scored").asLong()).isEqualTo(6);
        assertThat(json.get("label_histogram").get("metal").asLong()).isEqualTo(2);
        assertThat(Files.readString(work.resolve("scores/report.html"))).contains("metal tagged classical.mp3")
                .contains("<svg");
    }

    @Test
    void aThresholdMarksUnsureTracksUncertainAndTheyAreNeverRelabelled(SparkSession spark) throws Exception {
        String bundle = ExtractedCorpus.denseBundle(spark);
        Path song = work.resolve("one/metal.mp3");
        write(song, encode("mp3", "libmp3lame", "metal", 44100, 2, Map.of("genre", List.of("classical")), Map.of()));

        ScoredTrack sure = scoreOne(spark, song, 0.0, "sure");
        assertThat(sure.isUncertain()).isFalse();
        assertThat(sure.relabel()).as("tagged classical, predicted metal").isTrue();
        assertThat(sure.getVoteShares()).hasSize(4);
        assertThat(java.util.Arrays.stream(sure.getVoteShares()).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sure.getTopKLabels()).hasSize(2);
        assertThat(Files.readAllLines(work.resolve("sure/relabel.csv"))).hasSize(2);

        // by mean probability: a unanimous vote's confidence is 1.0, which no threshold can lie above
        assertThat(sure.getConfidence()).isLessThan(1.0);
        double above = Math.nextUp(sure.getConfidence());
        ScoredTrack unsure = scoreOne(spark, song, above, "unsure");
        assertThat(unsure.getConfidence()).isEqualTo(sure.getConfidence());
        assertThat(unsure.isUncertain()).isTrue();
        assertThat(unsure.relabel()).isFalse();
        assertThat(Files.readAllLines(work.resolve("unsure/relabel.csv"))).hasSize(1);
    }

    private ScoredTrack scoreOne(SparkSession spark, Path song, double threshold, String output) throws IOException {
        ScoreJob.Result result = new ScoreJob(spark).scoreAudio(ExtractedCorpus.denseBundle(spark),
                song.toUri().toString(), new ScoreSettings(TrackAggregation.MEAN_PROBABILITY, 2, threshold, null, 600,
                        "lz4_raw"), work.resolve(output).toUri().toString());
        assertThat(result.summary().tracksScored()).isEqualTo(1);
        return result.firstTracks().get(0);
    }

    @Test
    void anIncrementalRunScoresOnlyNewAndChangedFilesAndARepeatAddsNothing(SparkSession spark) throws Exception {
        String bundle = ExtractedCorpus.denseBundle(spark);
        Path library = Files.createDirectories(work.resolve("nightly"));
        WavWriter wav = WavWriter.of(WavWriter.Encoding.PCM_16);
        wav.write(library.resolve("metal.wav"), new float[][] {render("metal", 22050)}, 22050);
        wav.write(library.resolve("classical.wav"), new float[][] {render("classical", 22050)}, 22050);
        Files.writeString(library.resolve("broken.mp3"), "not audio", StandardCharsets.UTF_8);
        String output = work.resolve("nightly-scores").toUri().toString();
        ScoreSettings settings = ScoreSettings.defaults();

        ScoreSummary first = new ScoreJob(spark).scoreAudio(bundle, library.toUri().toString(), settings, output,
                true).summary();
        assertThat(first.filesRead()).isEqualTo(3);
        assertThat(first.tracksScored()).isEqualTo(2);

        ScoreSummary again = new ScoreJob(spark).scoreAudio(bundle, library.toUri().toString(), settings, output,
                true).summary();
        assertThat(again.filesRead()).as("nothing new").isZero();
        assertThat(again.tracksScored()).isEqualTo(2);
        assertThat(again.filesRejected()).isEqualTo(1);

        // A new file, and a changed one (another style under the same name: its row must be replaced, not added).
        wav.write(library.resolve("hiphop.wav"), new float[][] {render("hiphop", 22050)}, 22050);
        wav.write(library.resolve("classical.wav"), new float[][] {render("metal", 22050)}, 22050);
        Files.setLastModifiedTime(library.resolve("classical.wav"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        ScoreSummary third = new ScoreJob(spark).scoreAudio(bundle, library.toUri().toString(), settings, output,
                true).summary();
        assertThat(third.filesRead()).isEqualTo(2);
        assertThat(third.tracksScored()).isEqualTo(3);
        Map<String, String> predicted = spark.read().parquet(output + "/predictions").collectAsList().stream()
                .collect(Collectors.toMap(r -> name(r.getString(r.fieldIndex("path"))),
                        r -> r.getString(r.fieldIndex("predicted_label"))));
        assertThat(predicted).containsExactlyInAnyOrderEntriesOf(Map.of("metal.wav", "metal", "classical.wav",
                "metal", "hiphop.wav", "hiphop"));
        assertThat(Files.readAllLines(work.resolve("nightly-scores/predictions.csv"))).hasSize(4);
        assertThat(spark.read().parquet(output + "/rejected").count()).isEqualTo(1);

        // A run stopped between moving the old output aside and moving the new one in: the next run puts it back.
        Path aside = work.resolve(".nightly-scores.replaced-crash");
        Files.move(work.resolve("nightly-scores"), aside);
        ScoreSummary recovered = new ScoreJob(spark).scoreAudio(bundle, library.toUri().toString(), settings,
                output, true).summary();
        assertThat(recovered.filesRead()).isZero();
        assertThat(recovered.tracksScored()).isEqualTo(3);
        assertThat(aside).doesNotExist();

        // Other settings would mix incomparable rows: refused, naming the setting.
        ScoreSettings otherTopK = new ScoreSettings(settings.aggregation(), settings.topK() + 1,
                settings.uncertainBelow(), null, settings.fileTimeoutSeconds(), settings.parquetCodec());
        assertThatThrownBy(() -> new ScoreJob(spark).scoreAudio(bundle, library.toUri().toString(), otherTopK,
                output, true))
                .isInstanceOf(dev.audiopipeline.pipeline.store.IncompatibleOutputException.class)
                .hasMessageContaining("top_k");
        assertThat(Files.list(work).map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                .as("no staging or replaced folder left").isEmpty();
    }

    @Test
    void aDamagedBundleIsRefusedBeforeAnyAudioIsRead(SparkSession spark) throws IOException {
        Path empty = Files.createDirectories(work.resolve("not-a-bundle"));
        assertThatThrownBy(() -> new ScoreJob(spark).scoreAudio(empty.toUri().toString(),
                work.resolve("nothing-here").toUri().toString(), ScoreSettings.defaults(),
                work.resolve("never").toUri().toString()))
                .isInstanceOf(BundleException.class).hasMessageContaining("bundle.json is missing");
        assertThat(work.resolve("never")).doesNotExist();
    }

    private static String tag(Row row) {
        return row.getString(row.fieldIndex("existing_label")) + "|" + row.getString(row.fieldIndex("tag_source"))
                + "|" + row.getBoolean(row.fieldIndex("tag_mapped"));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replace("%20", " ");
    }

    private static float[] render(String style, int rate) {
        return SyntheticTrack.render(ExtractedCorpus.style(style), 9, rate, style.hashCode());
    }

    private static byte[] encode(String muxer, String codec, String style, int rate, int channels,
                                 Map<String, List<String>> containerTags, Map<String, List<String>> streamTags)
            throws IOException {
        float[] samples = render(style, rate);
        short[][] pcm = new short[channels][samples.length];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < samples.length; i++) {
                pcm[c][i] = (short) Math.round(Math.max(-1, Math.min(1, samples[i])) * 32000);
            }
        }
        return FfmpegTestEncoder.encode(muxer, codec, codec.equals("flac") ? 0 : 128_000, Map.of(), containerTags,
                streamTags, rate, pcm);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}

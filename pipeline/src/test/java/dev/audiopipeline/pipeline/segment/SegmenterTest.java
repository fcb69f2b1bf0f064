package dev.audiopipeline.pipeline.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.pipeline.segment.SegmentSettings.TailPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static final int RATE = 100; // 1 s = 100 samples keeps the arithmetic readable

    @Test
    void backToBackSegmentsDropTheTail() {
        List<Segment> segments = cut(ramp(1050), new SegmentSettings(3, 3, TailPolicy.DROP, 0.5, 0));
        assertThat(segments).extracting(Segment::index, Segment::startSample)
                .containsExactly(tuple(0, 0L), tuple(1, 300L), tuple(2, 600L));
        for (Segment segment : segments) {
            assertThat(segment.samples()).hasSize(300);
            assertThat(segment.samples()[0]).isEqualTo(segment.startSample());
            assertThat(segment.samples()[299]).isEqualTo(segment.startSample() + 299);
            assertThat(segment.durationSeconds()).isEqualTo(3.0);
        }
    }

    @Test
    void paddedTailIsKeptWhenLongEnough() {
        List<Segment> long_ = cut(ramp(1050), new SegmentSettings(3, 3, TailPolicy.PAD, 0.5, 0));
        assertThat(long_).hasSize(4);
        Segment tail = long_.get(3);
        assertThat(tail.startSample()).isEqualTo(900);
        assertThat(tail.audioSamples()).isEqualTo(150);
        assertThat(tail.samples()[149]).isEqualTo(1049f);
        assertThat(tail.samples()[150]).isZero();
        assertThat(tail.samples()[299]).isZero();

        assertThat(cut(ramp(1000), new SegmentSettings(3, 3, TailPolicy.PAD, 0.5, 0))).hasSize(3); // tail 1 s < 1.5 s
        assertThat(cut(ramp(100), new SegmentSettings(3, 3, TailPolicy.DROP, 0.5, 0))).isEmpty();
        assertThat(cut(ramp(200), new SegmentSettings(3, 3, TailPolicy.PAD, 0.5, 0))).hasSize(1);
    }

    @Test
    void overlappingSegmentsShareSamplesAndNoTailRepeatsAudio() {
        List<Segment> segments = cut(ramp(600), new SegmentSettings(3, 1.5, TailPolicy.PAD, 0.1, 0));
        assertThat(segments).extracting(Segment::startSample).containsExactly(0L, 150L, 300L);
        assertThat(segments.get(1).samples()[0]).isEqualTo(150f);
        assertThat(segments.get(2).samples()[299]).isEqualTo(599f);

        List<Segment> withTail = cut(ramp(650), new SegmentSettings(3, 1.5, TailPolicy.PAD, 0.1, 0));
        assertThat(withTail).extracting(Segment::startSample).containsExactly(0L, 150L, 300L, 450L);
        assertThat(withTail.get(3).audioSamples()).isEqualTo(200);
    }

    @Test
    void aHopLongerThanTheSegmentSkipsAudio() {
        List<Segment> segments = cut(ramp(1000), new SegmentSettings(2, 4, TailPolicy.DROP, 0.5, 0));
        assertThat(segments).extracting(Segment::startSample).containsExactly(0L, 400L, 800L);
        assertThat(segments.get(1).samples()[0]).isEqualTo(400f);
    }

    @Test
    void theCapLimitsWhatIsUsedAndSaysWhenFull() {
        SegmentSettings capped = new SegmentSettings(3, 3, TailPolicy.PAD, 0.5, 7);
        List<Segment> segments = new ArrayList<>();
        Segmenter segmenter = new Segmenter(RATE, capped, segments::add);
        float[] audio = ramp(5000);
        segmenter.accept(audio, 0, 650);
        assertThat(segmenter.isFull()).isFalse();
        segmenter.accept(audio, 650, 4350);
        assertThat(segmenter.isFull()).isTrue();
        assertThat(segmenter.finish()).isEqualTo(2); // 7 s: two whole segments, a 1-s tail under the 1.5-s minimum
        assertThat(segmenter.samplesUsed()).isEqualTo(700);
    }

    @Test
    void anyChunkingGivesTheSameSegments() {
        float[] audio = ramp(2345);
        SegmentSettings settings = new SegmentSettings(3, 1.7, TailPolicy.PAD, 0.2, 20);
        List<Segment> whole = cut(audio, settings);
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            List<Segment> pieces = new ArrayList<>();
            Segmenter segmenter = new Segmenter(RATE, settings, pieces::add);
            int at = 0;
            while (at < audio.length) {
                int n = Math.min(audio.length - at, 1 + random.nextInt(trial % 2 == 0 ? 3 : 500));
                segmenter.accept(audio, at, n);
                at += n;
            }
            segmenter.finish();
            assertThat(pieces).hasSameSizeAs(whole);
            for (int i = 0; i < whole.size(); i++) {
                assertThat(pieces.get(i).startSample()).isEqualTo(whole.get(i).startSample());
                assertThat(pieces.get(i).samples()).containsExactly(whole.get(i).samples());
            }
        }
    }

    @Test
    void badSettingsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> new SegmentSettings(0, 3, TailPolicy.DROP, 0.5, 0))
                .hasMessage("segment_seconds must be in (0, 3600], got 0.0");
        assertThatThrownBy(() -> new SegmentSettings(3, -1, TailPolicy.DROP, 0.5, 0))
                .hasMessage("segment_hop_seconds must be in (0, 3600], got -1.0");
        assertThatThrownBy(() -> new SegmentSettings(3, 3, TailPolicy.PAD, 0, 0))
                .hasMessage("min_tail_fraction must be in (0, 1], got 0.0");
    }

    private static List<Segment> cut(float[] audio, SegmentSettings settings) {
        List<Segment> segments = new ArrayList<>();
        Segmenter segmenter = new Segmenter(RATE, settings, segments::add);
        segmenter.accept(audio, 0, audio.length);
        segmenter.finish();
        return segments;
    }

    /** 0, 1, 2, ...: each sample holds its own position. */
    private static float[] ramp(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}

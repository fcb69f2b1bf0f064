package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Segment predictions of a made-up model that is mostly right, for the tests of evaluation and the report. Paths
 * and labels hold what users' files may: commas, quotes, markup.
 */
public final class SyntheticPredictions {
    /** A track name that runs a script when pasted into HTML unescaped. */
    public static final String XSS_PATH = "/music/<img src=x onerror=alert(1)>.mp3";
    /** A label with every character HTML escapes. */
    public static final String MARKUP_LABEL = "r&b \"soul\" 'n' <blues>";
    public static final Labels LABELS = Labels.of("rock", "jazz", MARKUP_LABEL, "hip-hop");

    private SyntheticPredictions() {
    }

    /**
     * {@code tracks} tracks of 3 to 6 segments, true labels in turn; each segment's probabilities are a softmax
     * leaning towards the true label by {@code signal} (0: chance). Track 0 has {@link #XSS_PATH} and leans
     * strongly towards the next label instead, so that it is among the misclassified tracks the report lists;
     * track 1 has a path with a comma and quotes.
     */
    public static List<SegmentPrediction> segments(int tracks, double signal, long seed) {
        Random random = new Random(seed);
        List<SegmentPrediction> segments = new ArrayList<>();
        for (int track = 0; track < tracks; track++) {
            String label = LABELS.name(track % LABELS.size());
            String path = switch (track) {
                case 0 -> XSS_PATH;
                case 1 -> "/music/Artist, The/\"Live\" at the Roxy.flac";
                default -> "/music/track-" + track + ".wav";
            };
            int favoured = (track == 0 ? track + 1 : track) % LABELS.size();
            double lean = track == 0 ? 3.0 : signal;
            int segmentCount = 3 + random.nextInt(4);
            for (int segment = 0; segment < segmentCount; segment++) {
                double[] logits = new double[LABELS.size()];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = random.nextGaussian() + (i == favoured ? lean : 0.0);
                }
                segments.add(new SegmentPrediction(String.format("t%03d", track), path, label, segment,
                        softmax(logits)));
            }
        }
        return segments;
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        double[] probabilities = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }
}

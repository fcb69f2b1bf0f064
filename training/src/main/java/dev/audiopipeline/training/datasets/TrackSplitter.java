package dev.audiopipeline.training.datasets;

import dev.audiopipeline.features.ParameterRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, track by track, which split every labelled track's segments go to: the split extraction gave it
 * ({@code test} stays held out), or, when no track is in {@code test}, a deterministic split stratified by label;
 * then a validation part carved from each label's training tracks. Never a track on two sides: all its segments
 * follow it.
 *
 * <p>Carving is deterministic and stratified: each label's tracks are ordered by SHA-256 of {@code seed:track_id}
 * and the first {@code round(fraction * n)} of them are taken (at least one when the label has two or more tracks
 * and the fraction is above 0; never all of them).
 */
public final class TrackSplitter {

    public static final ParameterRule<Double> VALIDATION_FRACTION =
            ParameterRule.between("validation_fraction", 0, true, 0.9, true);
    public static final ParameterRule<Double> TEST_FRACTION = ParameterRule.between("test_fraction", 0, true, 0.9, true);

    private final double validationFraction;
    private final double testFraction;
    private final long seed;

    /**
     * @param validationFraction share of each label's training tracks used for validation
     * @param testFraction share of each label's tracks held out for testing when extraction put none in test
     * @param seed orders the tracks before carving (a different seed, a different carving)
     */
    public TrackSplitter(double validationFraction, double testFraction, long seed) {
        this.validationFraction = VALIDATION_FRACTION.require(validationFraction);
        this.testFraction = TEST_FRACTION.require(testFraction);
        this.seed = seed;
    }

    /** One labelled track, as the features table lists it. */
    public record Track(String trackId, String label, String split) {}

    /**
     * @param tracks every labelled track, once each (the caller checks a track has one label and one split)
     * @return each track's split
     */
    public Map<String, DataSplit> assign(List<Track> tracks) {
        Map<String, DataSplit> assignment = new HashMap<>();
        boolean testGiven = tracks.stream().anyMatch(t -> "test".equals(t.split()));
        Map<String, List<Track>> byLabel = new TreeMap<>();
        for (Track track : tracks) {
            byLabel.computeIfAbsent(track.label(), l -> new ArrayList<>()).add(track);
        }
        for (List<Track> ofLabel : byLabel.values()) {
            List<Track> training = new ArrayList<>();
            if (testGiven) {
                for (Track track : ofLabel) {
                    if ("test".equals(track.split())) {
                        assignment.put(track.trackId(), DataSplit.TEST);
                    } else {
                        training.add(track);
                    }
                }
            } else {
                List<Track> ordered = ordered(ofLabel);
                int test = carved(ordered.size(), testFraction);
                for (int i = 0; i < ordered.size(); i++) {
                    if (i < test) {
                        assignment.put(ordered.get(i).trackId(), DataSplit.TEST);
                    } else {
                        training.add(ordered.get(i));
                    }
                }
            }
            List<Track> ordered = ordered(training);
            int validation = carved(ordered.size(), validationFraction);
            for (int i = 0; i < ordered.size(); i++) {
                assignment.put(ordered.get(i).trackId(), i < validation ? DataSplit.VALIDATION : DataSplit.TRAIN);
            }
        }
        return assignment;
    }

    private List<Track> ordered(List<Track> tracks) {
        List<Track> ordered = new ArrayList<>(tracks);
        Map<String, String> keys = new HashMap<>();
        for (Track track : ordered) {
            keys.put(track.trackId(), sha256(seed + ":" + track.trackId()));
        }
        ordered.sort(Comparator.comparing((Track t) -> keys.get(t.trackId())).thenComparing(Track::trackId));
        return ordered;
    }

    /** How many of {@code n} tracks a fraction takes: rounded, at least one of two or more, never all. */
    static int carved(int n, double fraction) {
        if (fraction == 0 || n < 2) {
            return 0;
        }
        return (int) Math.min(n - 1, Math.max(1, Math.round(fraction * n)));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

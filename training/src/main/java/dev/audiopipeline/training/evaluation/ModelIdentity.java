package dev.audiopipeline.training.evaluation;

import java.util.Objects;

/**
 * Which model was evaluated.
 *
 * @param name what the report calls it (unique among the models of one report), e.g. the bundle's folder name
 * @param kind the bundle's model kind ({@code lstm}, {@code rf}, ...)
 * @param featureSettingsHash the hash of the feature settings the model was trained on
 */
public record ModelIdentity(String name, String kind, String featureSettingsHash) {

    public ModelIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(featureSettingsHash, "featureSettingsHash");
    }
}

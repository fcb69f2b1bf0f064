package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.InvalidParameterException;
import dev.audiopipeline.features.augment.AugmentationSettings;

/** Builds {@link AugmentationSettings} from a job's {@code extract.augment.*} settings. */
public final class AugmentationSettingsConfig {

    private AugmentationSettingsConfig() {}

    /**
     * @throws ConfigException if the values are valid one by one but not together (noise bounds), naming the
     *     setting
     */
    public static AugmentationSettings from(JobConfig config) {
        Double snrMin = config.get(Settings.AUGMENT_SNR_MIN);
        Double snrMax = config.get(Settings.AUGMENT_SNR_MAX);
        if ((snrMin == null) != (snrMax == null)) {
            throw new ConfigException("settings extract.augment.noise-snr-db-min and -max: none turns noise off "
                    + "only for both");
        }
        try {
            AugmentationSettings.Builder builder = AugmentationSettings.builder()
                    .variants(config.get(Settings.AUGMENT_VARIANTS))
                    .stretchDeviation(config.get(Settings.AUGMENT_STRETCH))
                    .pitchSemitones(config.get(Settings.AUGMENT_PITCH))
                    .maxShiftSeconds(config.get(Settings.AUGMENT_SHIFT))
                    .gainDb(config.get(Settings.AUGMENT_GAIN))
                    .seed(config.get(Settings.AUGMENT_SEED));
            if (snrMin == null) {
                builder.withoutNoise();
            } else {
                builder.noiseSnrDb(snrMin, snrMax);
            }
            return builder.build();
        } catch (InvalidParameterException e) {
            throw ConfigException.invalid("augmentation settings", e);
        }
    }
}

package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.InvalidParameterException;
import dev.audiopipeline.features.resample.ResampleType;

/** Builds the feature kernel's {@link FeatureSettings} from a job's {@code features.*} settings. */
public final class FeatureSettingsConfig {

    private FeatureSettingsConfig() {}

    /**
     * @throws ConfigException if the values are valid one by one but not together (e.g. fmax above Nyquist),
     *     naming the parameter
     */
    public static FeatureSettings from(JobConfig config) {
        try {
            return FeatureSettings.builder()
                    .sampleRate(config.get(Settings.SAMPLE_RATE))
                    .nFft(config.get(Settings.N_FFT))
                    .hopLength(config.get(Settings.HOP_LENGTH))
                    .winLength(config.get(Settings.WIN_LENGTH))
                    .center(config.get(Settings.CENTER))
                    .power(config.get(Settings.POWER))
                    .nMels(config.get(Settings.N_MELS))
                    .fmin(config.get(Settings.FMIN))
                    .fmax(config.get(Settings.FMAX))
                    .ref(config.get(Settings.REF))
                    .amin(config.get(Settings.AMIN))
                    .topDb(config.get(Settings.TOP_DB))
                    .nMfcc(config.get(Settings.N_MFCC))
                    .lifter(config.get(Settings.LIFTER))
                    .deltaWidth(config.get(Settings.DELTA_WIDTH))
                    .contrastFmin(config.get(Settings.CONTRAST_FMIN))
                    .contrastNBands(config.get(Settings.CONTRAST_BANDS))
                    .contrastQuantile(config.get(Settings.CONTRAST_QUANTILE))
                    .contrastLinear(config.get(Settings.CONTRAST_LINEAR))
                    .rollPercent(config.get(Settings.ROLL_PERCENT))
                    .nChroma(config.get(Settings.N_CHROMA))
                    .tuning(config.get(Settings.TUNING))
                    .resType(ResampleType.fromLibrosaName(config.get(Settings.RES_TYPE)))
                    .build();
        } catch (InvalidParameterException e) {
            throw ConfigException.invalid("feature settings", e);
        }
    }
}

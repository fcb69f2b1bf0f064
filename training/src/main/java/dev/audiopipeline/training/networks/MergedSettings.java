package dev.audiopipeline.training.networks;

/**
 * Hyper-parameters of {@link MergedNetwork}. {@link #defaults()} are seed 004's ({@code mfcc_model.py},
 * {@code spectral_contrast_peaks_model.py}, {@code prototype_merged.py}): each branch convolves its sequence,
 * runs an LSTM and ends in a small dense layer; the two are concatenated -> dense 1000 -> softmax; Adam at Keras's
 * default 1e-3.
 *
 * @param mfcc the MFCC branch
 * @param contrast the spectral-contrast branch
 * @param mergeDropout dropout rate on each branch's output, before the concatenation (seed: 0.2 on both)
 * @param mergedUnits units of the dense layer after the concatenation
 * @param optimization seed, learning rate and gradient clipping
 */
public record MergedSettings(MfccBranch mfcc, ContrastBranch contrast, double mergeDropout, int mergedUnits,
                             Optimization optimization) {

    /**
     * The MFCC branch: convolution (relu) -> max pooling -> dropout -> convolution (relu) -> max pooling ->
     * dropout -> LSTM (last step) -> dropout -> dense (linear).
     *
     * @param filters filters of the first convolution (seed: 100)
     * @param secondFilters filters of the second convolution (seed: 100 / 5)
     * @param kernelSize length of both convolution kernels, stride 1
     * @param poolSize length and stride of both max poolings
     * @param dropout dropout rate after each pooling and after the LSTM
     * @param lstmUnits units of the LSTM (sigmoid cell, hard-sigmoid gates, as the seed's Keras 1 model)
     * @param outputUnits units of the branch's final linear dense layer
     */
    public record MfccBranch(int filters, int secondFilters, int kernelSize, int poolSize, double dropout,
                             int lstmUnits, int outputUnits) {
        public MfccBranch {
            SettingChecks.atLeast(1, filters, "merged mfcc filters");
            SettingChecks.atLeast(1, secondFilters, "merged mfcc second filters");
            SettingChecks.atLeast(1, kernelSize, "merged mfcc kernel size");
            SettingChecks.atLeast(1, poolSize, "merged mfcc pool size");
            SettingChecks.dropoutRate(dropout, "merged mfcc dropout");
            SettingChecks.atLeast(1, lstmUnits, "merged mfcc lstm units");
            SettingChecks.atLeast(1, outputUnits, "merged mfcc output units");
        }

        /** Time steps the LSTM sees for {@code frames} input frames (0 when too short). */
        public int stepsAfterConvolutions(int frames) {
            int afterFirst = (frames - kernelSize + 1) / poolSize;
            return Math.max(0, (afterFirst - kernelSize + 1) / poolSize);
        }
    }

    /**
     * The spectral-contrast branch: strided convolution (relu) -> dropout -> LSTM (last step) -> dropout -> dense
     * (linear). (The seed's pooling of length 1 is a no-op and left out.)
     *
     * @param filters filters of the convolution (seed: 100)
     * @param kernelSize length of the convolution kernel
     * @param stride stride of the convolution
     * @param dropout dropout rate after the convolution and after the LSTM
     * @param lstmUnits units of the LSTM (sigmoid cell, hard-sigmoid gates)
     * @param outputUnits units of the branch's final linear dense layer
     */
    public record ContrastBranch(int filters, int kernelSize, int stride, double dropout, int lstmUnits,
                                 int outputUnits) {
        public ContrastBranch {
            SettingChecks.atLeast(1, filters, "merged contrast filters");
            SettingChecks.atLeast(1, kernelSize, "merged contrast kernel size");
            SettingChecks.atLeast(1, stride, "merged contrast stride");
            SettingChecks.dropoutRate(dropout, "merged contrast dropout");
            SettingChecks.atLeast(1, lstmUnits, "merged contrast lstm units");
            SettingChecks.atLeast(1, outputUnits, "merged contrast output units");
        }

        /** Time steps the LSTM sees for {@code frames} input frames (0 when too short). */
        public int stepsAfterConvolution(int frames) {
            return frames < kernelSize ? 0 : (frames - kernelSize) / stride + 1;
        }
    }

    public static MergedSettings defaults() {
        return new MergedSettings(
                new MfccBranch(100, 20, 4, 4, 0.4, 300, 10),
                new ContrastBranch(100, 3, 4, 0.2, 100, 10),
                0.2, 1000, Optimization.adam(1e-3));
    }

    public MergedSettings {
        SettingChecks.present(mfcc, "merged mfcc branch");
        SettingChecks.present(contrast, "merged contrast branch");
        SettingChecks.dropoutRate(mergeDropout, "merged merge dropout");
        SettingChecks.atLeast(1, mergedUnits, "merged units");
        SettingChecks.present(optimization, "merged optimization");
    }

    public MergedSettings withOptimization(Optimization newOptimization) {
        return new MergedSettings(mfcc, contrast, mergeDropout, mergedUnits, newOptimization);
    }
}

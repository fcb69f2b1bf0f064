package dev.audiopipeline.training.networks;

/**
 * Hyper-parameters of {@link CnnNetwork}. {@link #defaults()} are seed 002's deep0 (its best model): 3x3
 * convolutions of 32, 64 and 64 filters, each followed by 2x2 max pooling, dense 64 relu + dropout 0.5, Adam 5e-4.
 *
 * @param filters1 filters of the first convolution
 * @param filters2 filters of the second convolution
 * @param filters3 filters of the third convolution
 * @param kernelSize side of the square convolution kernels
 * @param poolSize side (and stride) of the square max pooling after each convolution
 * @param denseUnits units of the dense (relu) layer after the convolutions
 * @param dropout dropout rate after the dense layer (share dropped)
 * @param optimization seed, learning rate and gradient clipping
 */
public record CnnSettings(int filters1, int filters2, int filters3, int kernelSize, int poolSize, int denseUnits,
                          double dropout, Optimization optimization) {

    public static CnnSettings defaults() {
        return new CnnSettings(32, 64, 64, 3, 2, 64, 0.5, Optimization.adam(5e-4));
    }

    public CnnSettings {
        SettingChecks.atLeast(1, filters1, "cnn filters1");
        SettingChecks.atLeast(1, filters2, "cnn filters2");
        SettingChecks.atLeast(1, filters3, "cnn filters3");
        SettingChecks.atLeast(1, kernelSize, "cnn kernel size");
        SettingChecks.atLeast(1, poolSize, "cnn pool size");
        SettingChecks.atLeast(1, denseUnits, "cnn dense units");
        SettingChecks.dropoutRate(dropout, "cnn dropout");
        SettingChecks.present(optimization, "cnn optimization");
    }

    public CnnSettings withOptimization(Optimization newOptimization) {
        return new CnnSettings(filters1, filters2, filters3, kernelSize, poolSize, denseUnits, dropout,
                newOptimization);
    }

    /**
     * Rows or columns left after the three convolution + pooling blocks ('valid' convolutions, pooling rounding
     * down), from {@code size} at the input: 128 mel bands -> 14, 130 frames -> 14 with the defaults.
     */
    public int sizeAfterBlocks(int size) {
        int remaining = size;
        for (int block = 0; block < 3; block++) {
            remaining = (remaining - kernelSize + 1) / poolSize;
        }
        return remaining;
    }
}

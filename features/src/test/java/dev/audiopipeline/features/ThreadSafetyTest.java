package dev.audiopipeline.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadSafetyTest {

    @Test
    void oneExtractorSharedByThreadsGivesTheSameResultsAsOneThread() throws Exception {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.defaults());
        List<float[]> inputs = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 8; i++) {
            float[] y = new float[22050 + 1000 * i];
            for (int j = 0; j < y.length; j++) {
                y[j] = (float) (0.2 * random.nextGaussian() + 0.3 * Math.sin(j * 0.01 * (i + 1)));
            }
            inputs.add(y);
        }
        List<FeatureResult> sequential = new ArrayList<>();
        for (float[] y : inputs) {
            sequential.add(extractor.extract(y));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<FeatureResult>> futures = new ArrayList<>();
                for (float[] y : inputs) {
                    futures.add(pool.submit(() -> extractor.extract(y)));
                }
                for (int i = 0; i < inputs.size(); i++) {
                    FeatureResult parallel = futures.get(i).get();
                    for (Feature f : Feature.values()) {
                        assertThat(parallel.get(f)).as("%s of input %d", f.cliName(), i)
                                .isDeepEqualTo(sequential.get(i).get(f));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forSettingsCachesOneExtractorPerSettings() {
        FeatureExtractor a = FeatureExtractor.forSettings(FeatureSettings.defaults());
        FeatureExtractor b = FeatureExtractor.forSettings(FeatureSettings.builder().build());
        assertThat(a).isSameAs(b);
        assertThat(FeatureExtractor.forSettings(FeatureSettings.builder().nMfcc(20).build())).isNotSameAs(a);
    }
}

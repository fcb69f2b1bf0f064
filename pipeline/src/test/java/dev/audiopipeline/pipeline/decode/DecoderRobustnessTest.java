package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of broken files, as a nightly job meets them: every format's valid file truncated, with flipped bytes,
 * with absurd header values (a data chunk claiming 4 GB, zero channels, zero or huge rates), with garbage spliced
 * in, plus text renamed to audio. Each must either decode or fail with an {@link AudioDecodeException} carrying a
 * reason, within a per-file time limit, without any other exception or an OutOfMemoryError escaping.
 */
class DecoderRobustnessTest {

    private static final int MUTATIONS_PER_SEED = 250;
    private static final long TIME_LIMIT_SECONDS = 20;
    private static final ExecutorService DECODER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "robustness-decoder");
        thread.setDaemon(true); // a decode stuck in native code must not keep the test JVM alive
        return thread;
    });

    @AfterAll
    static void stop() {
        DECODER.shutdownNow();
    }

    @Test
    void everyMutatedFileDecodesOrIsRejectedWithAReason() throws Exception {
        Map<String, byte[]> seeds = seeds();
        Random random = new Random(20261121);
        Map<RejectionReason, Integer> reasons = new EnumMap<>(RejectionReason.class);
        int decoded = 0;
        int cases = 0;
        List<String> escaped = new ArrayList<>();
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                Mutation mutation = Mutation.values()[i % Mutation.values().length];
                byte[] bytes = mutation.apply(seed.getValue(), random);
                String name = seed.getKey() + " #" + i + " " + mutation;
                cases++;
                Future<Object> outcome = DECODER.submit(() -> decode(bytes, name));
                Object result;
                try {
                    result = outcome.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    throw new AssertionError(name + ": no result within " + TIME_LIMIT_SECONDS + " s (hang)");
                }
                if (result instanceof AudioDecodeException rejected) {
                    reasons.merge(rejected.reason(), 1, Integer::sum);
                    assertThat(rejected.detail()).as(name).contains(name);
                } else if (result instanceof Throwable other) {
                    escaped.add(name + ": " + other);
                } else {
                    decoded++;
                }
            }
        }
        System.out.printf("robustness: %d mutated files, %d decoded, rejected %s%n", cases, decoded, reasons);
        assertThat(escaped).as("exceptions other than AudioDecodeException").isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(2000);
        // Both outcomes occur: a fuzzer that only ever produced one of them would prove little.
        assertThat(decoded).isPositive();
        assertThat(reasons.keySet()).contains(RejectionReason.UNSUPPORTED_FORMAT, RejectionReason.CORRUPT,
                RejectionReason.TRUNCATED, RejectionReason.EMPTY);
    }

    /** Decodes to the end; returns the sample count, the AudioDecodeException, or any other Throwable. */
    private static Object decode(byte[] bytes, String name) {
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(bytes), name)) {
            int channels = stream.info().channels();
            float[] block = new float[4096 * channels];
            long frames = 0;
            int n;
            while ((n = stream.read(block, 4096)) > 0) {
                frames += n;
            }
            return frames;
        } catch (AudioDecodeException e) {
            return e;
        } catch (Throwable e) { // OutOfMemoryError included: exactly what must not happen
            return e;
        }
    }

    /** One valid, short file per container the product reads. */
    private static Map<String, byte[]> seeds() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        float[][] stereo = {tone(22050, 440), tone(22050, 1000)};
        for (WavWriter.Encoding encoding : List.of(WavWriter.Encoding.PCM_16, WavWriter.Encoding.PCM_24,
                WavWriter.Encoding.FLOAT_32)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WavWriter writer = encoding == WavWriter.Encoding.PCM_24
                    ? WavWriter.of(encoding).extensible() : WavWriter.of(encoding);
            writer.write(out, stereo, 22050);
            seeds.put("wav-" + encoding, out.toByteArray());
        }
        for (Fixture fixture : List.of(Fixture.FLAC_STEREO_44100, Fixture.MP3_STEREO_44100,
                Fixture.VORBIS_STEREO_22050, Fixture.OPUS_MONO_48000, Fixture.AAC_M4A_STEREO_44100,
                Fixture.AAC_M4A_FASTSTART_STEREO_48000, Fixture.AIFF_STEREO_44100, Fixture.AU_MONO_22050)) {
            seeds.put(fixture.fileName(), fixture.bytes());
        }
        // WAVs the own reader hands to FFmpeg.
        for (WavOtherCodecsTest.Codec codec : List.of(WavOtherCodecsTest.Codec.MULAW_STEREO_22050,
                WavOtherCodecsTest.Codec.MS_ADPCM_STEREO_44100)) {
            seeds.put("wav-" + codec, codec.wav());
        }
        return seeds;
    }

    private static float[] tone(int rate, double hz) {
        float[] samples = new float[rate / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return samples;
    }

    /** Ways a file gets broken. */
    private enum Mutation {
        TRUNCATE {
            @Override
            byte[] apply(byte[] valid, Random random) {
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            }
        },
        TRUNCATE_HEADER {
            @Override
            byte[] apply(byte[] valid, Random random) {
                return Arrays.copyOf(valid, random.nextInt(Math.min(valid.length, 256)));
            }
        },
        FLIP_BYTES {
            @Override
            byte[] apply(byte[] valid, Random random) {
                byte[] bytes = valid.clone();
                int flips = 1 + random.nextInt(64);
                for (int i = 0; i < flips; i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return bytes;
            }
        },
        FLIP_HEADER_BYTES {
            @Override
            byte[] apply(byte[] valid, Random random) {
                byte[] bytes = valid.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    bytes[random.nextInt(Math.min(bytes.length, 128))] ^= (byte) (1 + random.nextInt(255));
                }
                return bytes;
            }
        },
        ABSURD_HEADER_FIELD {
            /** A 16- or 32-bit field near the start set to 0, 0xFFFF..., or a huge value (sizes, channels, rates). */
            @Override
            byte[] apply(byte[] valid, Random random) {
                byte[] bytes = valid.clone();
                int offset = random.nextInt(Math.max(1, Math.min(bytes.length, 96) - 4));
                int[] values = {0, 0xFFFFFFFF, 0xFFFFFFF0, 0x7FFFFFFF, 1, 0x00010000};
                ByteBuffer.wrap(bytes).order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                        .putInt(offset, values[random.nextInt(values.length)]);
                return bytes;
            }
        },
        SPLICE_GARBAGE {
            @Override
            byte[] apply(byte[] valid, Random random) {
                int at = random.nextInt(valid.length);
                byte[] garbage = new byte[1 + random.nextInt(4096)];
                random.nextBytes(garbage);
                byte[] bytes = Arrays.copyOf(valid, valid.length + garbage.length);
                System.arraycopy(garbage, 0, bytes, at, garbage.length);
                System.arraycopy(valid, at, bytes, at + garbage.length, valid.length - at);
                return bytes;
            }
        },
        HEADER_ONLY_THEN_RANDOM {
            @Override
            byte[] apply(byte[] valid, Random random) {
                byte[] bytes = valid.clone();
                for (int i = Math.min(64, bytes.length); i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt();
                }
                return bytes;
            }
        },
        NOT_AUDIO {
            @Override
            byte[] apply(byte[] valid, Random random) {
                return random.nextBoolean() ? new byte[0]
                        : ("<html><body>not a song " + random.nextInt() + "</body></html>\n")
                                .getBytes(StandardCharsets.UTF_8);
            }
        };

        abstract byte[] apply(byte[] valid, Random random);
    }
}

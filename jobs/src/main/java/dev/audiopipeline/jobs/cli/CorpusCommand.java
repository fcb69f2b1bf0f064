package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.pipeline.corpus.GenreStyle;
import dev.audiopipeline.pipeline.corpus.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Writes a labelled synthetic corpus (no Spark): the input of the demo and the benchmarks. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        header = "Write a labelled synthetic WAV corpus (GTZAN's layout) for trying and benchmarking the pipeline.",
        sortOptions = false,
        description = {
            "Writes OUTPUT/<label>/<label>.NNNNN.wav: 16-bit mono WAVs synthesised per label (ten styles named "
                    + "after GTZAN's genres: tempo, register, timbre, beat, noise differ). The same arguments give "
                    + "the same bytes; files already there with the right size are kept.",
            ""
        })
public final class CorpusCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Local directory to write.")
    Path output;

    @Option(names = "--files-per-label", paramLabel = "N", defaultValue = "100",
            description = "Tracks per label (default: ${DEFAULT-VALUE}; 100 x 10 labels is GTZAN's size).")
    int filesPerLabel;

    @Option(names = "--labels", paramLabel = "N", defaultValue = "10",
            description = "How many of the ten styles (default: ${DEFAULT-VALUE}).")
    int labels;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "Track length (default: "
            + "${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--sample-rate", paramLabel = "HZ", defaultValue = "22050",
            description = "The WAVs' sample rate (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Varies every track.")
    long seed;

    @Override
    public Integer call() {
        if (labels < 1 || labels > GenreStyle.GTZAN_LIKE.size()) {
            throw new JobFailedException("--labels must be in [1, " + GenreStyle.GTZAN_LIKE.size() + "], got "
                    + labels);
        }
        long start = System.nanoTime();
        try {
            SyntheticCorpus corpus = new SyntheticCorpus(GenreStyle.GTZAN_LIKE.subList(0, labels), filesPerLabel,
                    seconds, sampleRate, seed);
            List<Path> files = corpus.write(output, Runtime.getRuntime().availableProcessors());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%d files (%d labels x %d, %.1f s at %d Hz) in %s, %.1f s%n", files.size(),
                    labels, filesPerLabel, seconds, sampleRate, output, (System.nanoTime() - start) / 1e9);
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFailedException("corpus: " + e.getMessage(), e);
        }
    }
}

package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.config.Redaction;
import dev.audiopipeline.pipeline.corpus.GenreStyle;
import dev.audiopipeline.pipeline.corpus.SyntheticCorpus;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials given to a job (an S3A secret and access key and session token, a Spark password, through
 * {@code --conf} and a settings file) reach no file the product writes and no line it prints or logs: config,
 * extract, train (rf), score and evaluate run in-process with every logger at INFO (Spark's own too, with
 * {@code spark.logConf}) and Spark's event log on; then every byte written under the outputs, the event log, the
 * commands' stdout and stderr, the JVM's stdout and stderr and the log are searched for the secrets.
 */
class CredentialsNotWrittenTest {

    private static final String S3A_SECRET_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYzz01";
    private static final String S3A_ACCESS_KEY = "AKIAIOSFODNN7ZZTEST";
    private static final String S3A_SESSION_TOKEN = "FQoGZXIvYXdzEJrSESSIONzz42";
    private static final String SSL_PASSWORD = "Tr0ub4dor-and-3-horse";
    private static final List<String> SECRETS = List.of(S3A_SECRET_KEY, S3A_ACCESS_KEY, S3A_SESSION_TOKEN, SSL_PASSWORD);

    private final Path work = TestScratch.newDirectory("credentials");
    private final Path outputs = work.resolve("outputs");
    private final StringWriter log = new StringWriter();
    private final ByteArrayOutputStream jvmOutput = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private WriterAppender appender;
    private Level originalRootLevel;
    private Map<String, Appender> originalRootAppenders;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = WriterAppender.createAppender(
                PatternLayout.newBuilder().withPattern("%p %c: %m%n%ex").withConfiguration(configuration).build(),
                null, log, "credentials-capture", false, true);
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        originalRootLevel = root.getLevel();
        originalRootAppenders = Map.copyOf(root.getAppenders());
        originalRootAppenders.keySet().forEach(root::removeAppender); // keep the build's output readable
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            if (logger != root) {
                logger.setLevel(Level.INFO); // e.g. Spark, Hadoop's native loader: at INFO like the rest
            }
        }
        context.updateLoggers();

        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, jvmOutput), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, jvmOutput), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.reconfigure(); // the test configuration again, levels and appenders as they were
        appender.stop();
    }

    @Test
    void noCredentialReachesAnOutputALogOrTheConsole() throws IOException {
        Path corpus = work.resolve("corpus");
        new SyntheticCorpus(GenreStyle.GTZAN_LIKE.subList(0, 2), 5, 3.0, 22050, 11).write(corpus, 2);
        Path settings = Files.createDirectories(work.resolve("settings")).resolve("job.properties");
        Files.writeString(settings, String.join("\n",
                "# credentials a person might (wrongly) keep in a settings file",
                "spark.hadoop.fs.s3a.access.key = " + S3A_ACCESS_KEY,
                "spark.ssl.trustStorePassword = " + SSL_PASSWORD,
                ""));
        Path events = Files.createDirectories(outputs.resolve("spark-events"));
        List<String> common = List.of("--no-default-config", "--config", settings.toString(),
                "--conf", "spark.hadoop.fs.s3a.secret.key=" + S3A_SECRET_KEY,
                "--conf", "spark.hadoop.fs.s3a.session.token=" + S3A_SESSION_TOKEN,
                "--conf", "spark.logConf=true", // Spark logs its whole configuration at INFO
                "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.sql.parquet.compression.codec=uncompressed", // so that a byte search sees inside
                "--conf", "extract.parquet-codec=uncompressed",
                "--master", "local[2]");
        List<CliRun> runs = new ArrayList<>();

        CliRun config = run(runs, List.of("config"), common.subList(0, common.size() - 2));
        assertThat(config.exitCode()).as(config.err()).isZero();
        for (String key : List.of("spark.hadoop.fs.s3a.access.key", "spark.ssl.trustStorePassword",
                "spark.hadoop.fs.s3a.secret.key", "spark.hadoop.fs.s3a.session.token")) {
            assertThat(config.out()).contains(key + " = " + Redaction.REDACTED);
        }
        assertThat(config.out()).contains("spark.logConf = true", "extract.parquet-codec = uncompressed");

        Path features = outputs.resolve("features");
        CliRun extract = run(runs, List.of("extract", "--input", corpus.toString(), "--output", features.toString(),
                "--segment-seconds", "1"), common);
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        assertThat(extract.out()).startsWith("10 files: 10 ok, 0 rejected; ");

        Path bundle = outputs.resolve("model-rf");
        CliRun train = run(runs, List.of("train", "--features", features.toString(), "--model", "rf",
                "--output", bundle.toString()), common);
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(bundle.resolve("bundle.json")).isRegularFile();

        CliRun score = run(runs, List.of("score", "--model", bundle.toString(), "--input", corpus.toString(),
                "--output", outputs.resolve("scored").toString()), common);
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(outputs.resolve("scored/predictions.csv")).isRegularFile();

        CliRun evaluate = run(runs, List.of("evaluate", "--model", bundle.toString(), "--features",
                features.toString(), "--split", "train", "--report", outputs.resolve("report").toString()), common);
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(outputs.resolve("report/metrics.json")).isRegularFile();

        // What was searched did hold the settings: Spark logged its configuration and wrote it to the event log
        // (each credential's key with Spark's redaction), and the byte search sees inside the Parquet files.
        String logged = log.toString();
        assertThat(logged).contains("Spark configuration:", "spark.hadoop.fs.s3a.secret.key=" + Redaction.REDACTED);
        List<Path> written = filesUnder(outputs);
        assertThat(written).filteredOn(file -> file.startsWith(events)).isNotEmpty()
                .anySatisfy(file -> assertThat(Files.readString(file)).contains("spark.hadoop.fs.s3a.access.key"));
        assertThat(written).filteredOn(file -> file.toString().endsWith(".parquet"))
                .anySatisfy(file -> assertThat(contains(Files.readAllBytes(file), "classical")).isTrue());

        for (Path file : written) {
            byte[] bytes = Files.readAllBytes(file);
            for (String secret : SECRETS) {
                assertThat(contains(bytes, secret)).as("%s in %s", secret, outputs.relativize(file)).isFalse();
            }
        }
        String console = jvmOutput.toString(StandardCharsets.UTF_8);
        for (String secret : SECRETS) {
            assertThat(logged).as("the log").doesNotContain(secret);
            assertThat(console).as("the JVM's stdout and stderr").doesNotContain(secret);
            for (CliRun run : runs) {
                assertThat(run.out() + run.err()).as("a command's output").doesNotContain(secret);
            }
        }
    }

    private CliRun run(List<CliRun> runs, List<String> command, List<String> options) {
        List<String> args = new ArrayList<>(command);
        args.addAll(options);
        long start = System.nanoTime();
        CliRun run = CliRun.of(args.toArray(String[]::new));
        originalErr.printf(java.util.Locale.ROOT, "CredentialsNotWrittenTest: %s in %.1f s%n", command.get(0),
                (System.nanoTime() - start) / 1e9);
        runs.add(run);
        return run;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Whether the bytes hold the (ASCII) text, wherever it is: ISO-8859-1 maps each byte to one char. */
    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** Writes to the console as before and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}

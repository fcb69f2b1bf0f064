package dev.audiopipeline.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium process with its DevTools endpoint on 127.0.0.1, for tests. The binary is {@code
 * /usr/bin/chromium} (Debian's {@code chromium} package) unless {@code -Daudiopipeline.chromium=PATH} says
 * otherwise; a missing binary fails the test (it never skips). Closing ends the process and its children.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/]+)/");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromium(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Path binary() {
        return Path.of(System.getProperty("audiopipeline.chromium", "/usr/bin/chromium"));
    }

    /** @param profile a new, empty directory: the browser's profile, nothing else shares it */
    static HeadlessChromium start(Path profile) throws IOException, InterruptedException {
        Path binary = binary();
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("no Chromium at " + binary + ": the report's browser test needs it"
                    + " (Debian: apt-get install chromium; or -Daudiopipeline.chromium=PATH)");
        }
        Process process = new ProcessBuilder(List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread stderr = new Thread(() -> readEndpoint(process, endpoint), "chromium-stderr");
        stderr.setDaemon(true);
        stderr.start();
        try {
            return new HeadlessChromium(process, endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            destroy(process);
            throw new AssertionError("Chromium did not open its DevTools endpoint within " + START_TIMEOUT, e);
        }
    }

    private static void readEndpoint(Process process, CompletableFuture<String> endpoint) {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    endpoint.complete(matcher.group(1));
                } else if (!endpoint.isDone() && seen.length() < 4000) {
                    seen.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        endpoint.completeExceptionally(new IllegalStateException("Chromium exited: " + seen));
    }

    /** A DevTools session on the browser's first page (the about:blank it started with). */
    DevToolsSession firstPage() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://" + endpoint + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(response.body())) {
            if ("page".equals(target.path("type").asText())) {
                return DevToolsSession.connect(http, URI.create(target.get("webSocketDebuggerUrl").asText()));
            }
        }
        throw new AssertionError("Chromium has no page target: " + response.body());
    }

    @Override
    public void close() {
        destroy(process);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

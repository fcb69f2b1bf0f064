package dev.audiopipeline.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Chrome DevTools Protocol session over a WebSocket: commands with their replies, and every event kept in
 * arrival order.
 */
final class DevToolsSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    private DevToolsSession() {
    }

    static DevToolsSession connect(HttpClient http, URI webSocket) {
        DevToolsSession session = new DevToolsSession();
        session.socket = http.newWebSocketBuilder().buildAsync(webSocket, session.new Listener()).join();
        return session;
    }

    /** Sends {@code method} and returns its {@code result}; a protocol error fails. */
    JsonNode send(String method, ObjectNode params) throws InterruptedException {
        int id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode response = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new AssertionError(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(method + " got no reply within " + REPLY_TIMEOUT, e);
        }
    }

    JsonNode send(String method) throws InterruptedException {
        return send(method, null);
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** The value of a JavaScript expression (returned by value: JSON-compatible values only). */
    JsonNode evaluate(String expression) throws InterruptedException {
        JsonNode result = send("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Every event so far whose method is one of {@code methods}. */
    List<JsonNode> events(String... methods) {
        List<String> wanted = List.of(methods);
        return events.stream().filter(event -> wanted.contains(event.path("method").asText())).toList();
    }

    /** Waits until an event {@code method} has arrived (at any time since the session opened). */
    JsonNode awaitEvent(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = events(method);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + method + " within " + timeout + "; events: " + events);
    }

    void clearEvents() {
        events.clear();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                dispatch(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else {
                    events.add(message);
                }
            } catch (IOException e) {
                events.add(JSON.createObjectNode().put("method", "test.unreadableMessage").put("text", text));
            }
        }
    }
}

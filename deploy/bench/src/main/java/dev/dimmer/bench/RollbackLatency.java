package dev.dimmer.bench;

import dev.dimmer.projections.switches.Bucketing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * From a kill request sent (what Slack's /rollback does first) to the switch's answer changed, as a consumer sees
 * it polling OFREP and on the SSE stream; then the rollback itself, as /rollback does next. Beside them, the
 * command's own round trip (request sent to answer received).
 */
final class RollbackLatency {
    private final String url;
    private final String token;
    private final String migration;
    private final String routingSwitch;
    private final String key;
    private final BlockingQueue<Long> events = new LinkedBlockingQueue<>();
    final Latencies poll = new Latencies();
    final Latencies stream = new Latencies();
    final Latencies command = new Latencies();

    RollbackLatency(String url, String token, String migration, String routingSwitch) {
        this.url = url;
        this.token = token;
        this.migration = migration;
        this.routingSwitch = routingSwitch;
        this.key = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "reader-" + i)
                .filter(k -> Bucketing.bucket(routingSwitch, k) < 99).findFirst().orElseThrow();
    }

    void measure(int rollbacks) throws Exception {
        Thread listener = listen();
        String wave = "/api/migrations/" + migration + "/waves/rolled/";
        String kill = "/api/migrations/" + migration + "/switches/" + routingSwitch + "/kill";
        try (RawHttp reader = new RawHttp(url, token); RawHttp commands = new RawHttp(url, token)) {
            for (int i = 0; i < rollbacks; i++) {
                send(commands, wave + "advance", "shadow clean");
                awaitValue(reader, "target");
                settle();
                long sent = System.nanoTime();
                CompletableFuture<Long> killed = CompletableFuture.supplyAsync(() -> {
                    try {
                        send(commands, kill, "errors on the target");
                        return System.nanoTime();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                awaitValue(reader, "source");
                poll.add(System.nanoTime() - sent);
                Long event = events.poll(5, TimeUnit.SECONDS);
                if (event == null) {
                    throw new IllegalStateException("no change event on the stream within 5 s of kill " + i);
                }
                stream.add(event - sent);
                command.add(killed.get() - sent);
                send(commands, wave + "rollback", "errors on the target");
                awaitPhase(reader, "SHADOW");
                settle();
            }
        } finally {
            listener.interrupt();
        }
    }

    private void send(RawHttp http, String path, String reason) throws IOException {
        RawHttp.Answer answer = http.post(path, "{\"reason\": \"" + reason + "\"}", null);
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private void awaitValue(RawHttp reader, String value) throws IOException {
        awaitAnswer(reader, "\"value\":\"" + value + "\"");
    }

    private void awaitPhase(RawHttp reader, String phase) throws IOException {
        awaitAnswer(reader, "\"phase\":\"" + phase + "\"");
    }

    private void awaitAnswer(RawHttp reader, String fragment) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String body = "{\"context\": {\"targetingKey\": \"" + key + "\"}}";
        while (System.nanoTime() < deadline) {
            if (reader.post("/ofrep/v1/evaluate/flags/" + routingSwitch, body, null).body().contains(fragment)) {
                return;
            }
        }
        throw new IllegalStateException(routingSwitch + " never answered " + fragment);
    }

    /** Lets the change event of the last step arrive, then forgets it: the next event is the kill's. */
    private void settle() throws InterruptedException {
        events.poll(2, TimeUnit.SECONDS);
        Thread.sleep(20);
        events.clear();
    }

    private Thread listen() throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ofrep/v1/events HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        Thread thread = new Thread(() -> {
            try (socket) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    // chunked framing lines pass by; an event's data line is what counts
                    if (line.startsWith("data:") && line.contains("refetchEvaluation")) {
                        events.add(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                // closed at the end of the run
            }
        }, "bench-sse");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

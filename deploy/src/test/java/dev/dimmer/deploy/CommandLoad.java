package dev.dimmer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Clients that keep sending commands while a fault test breaks things underneath them, and remember every answer:
 * each command carries its own correlation id (and an idempotency key, re-sent when a retry is made), so what the
 * log holds can be checked afterwards against what each client was told.
 */
final class CommandLoad implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> url;
    private final String token;
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final List<java.util.concurrent.Future<?>> work = new ArrayList<>();

    /** What a client was told: stored (2xx), refused (4xx), unknown (5xx or cut off), or never sent. */
    enum Kind { ACKNOWLEDGED, REFUSED, UNKNOWN, NOT_SENT }

    /** One attempt's answer; {@code nanos} is how long the client waited for it. */
    record Outcome(String correlationId, String migration, String command, Kind kind, int status, String body,
                   long nanos) {
    }

    CommandLoad(Supplier<String> url, String token, List<List<String>> migrationsPerClient) {
        this.url = url;
        this.token = token;
        this.clients = Executors.newFixedThreadPool(migrationsPerClient.size());
        for (List<String> own : migrationsPerClient) {
            work.add(clients.submit(() -> cycle(own)));
        }
    }

    /** Canary at 10%, at 50%, rolled back to SHADOW; again, round the migrations the client owns. */
    private void cycle(List<String> own) {
        for (int i = 0; running.get(); i++) {
            String id = own.get(i % own.size());
            int step = (i / own.size()) % 3;
            String command = step < 2 ? "advance" : "rollback";
            Outcome outcome = send(id, command);
            if (outcome.kind() != Kind.ACKNOWLEDGED) {
                pause(100);
            }
        }
    }

    private Outcome send(String migration, String command) {
        String correlation = "fault-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Outcome outcome = once(migration, command, correlation, key);
        outcomes.add(outcome);
        // an unknown outcome is retried with the same idempotency key, as a careful client would, until it is known
        // (the retry must not act twice); a command never sent is simply not sent again
        boolean unknown = outcome.kind() == Kind.UNKNOWN;
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (unknown && System.nanoTime() < deadline) {
            pause(300);
            outcome = once(migration, command, correlation, key);
            outcomes.add(outcome);
            unknown = outcome.kind() == Kind.UNKNOWN || outcome.kind() == Kind.NOT_SENT;
        }
        return outcome;
    }

    private Outcome once(String migration, String command, String correlation, String key) {
        long start = System.nanoTime();
        Outcome outcome = attempt(migration, command, correlation, key);
        return new Outcome(outcome.correlationId(), outcome.migration(), outcome.command(), outcome.kind(),
                outcome.status(), outcome.body(), System.nanoTime() - start);
    }

    private Outcome attempt(String migration, String command, String correlation, String key) {
        try {
            String body = JSON.writeValueAsString(Map.of("reason", command + " under fault"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.get() + "/api/migrations/" + migration
                            + "/waves/customers/" + command))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Correlation-Id", correlation)
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            Kind kind = status < 300 ? Kind.ACKNOWLEDGED : status < 500 ? Kind.REFUSED : Kind.UNKNOWN;
            return new Outcome(correlation, migration, command, kind, status, response.body(), 0);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Outcome(correlation, migration, command, Kind.NOT_SENT, 0, e.toString(), 0);
        } catch (IOException e) {
            return new Outcome(correlation, migration, command, Kind.UNKNOWN, 0, e.toString(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(correlation, migration, command, Kind.NOT_SENT, 0, "interrupted", 0);
        }
    }

    /** Stops the clients once their commands in flight are answered, and returns every answer they got. */
    List<Outcome> stop() throws Exception {
        running.set(false);
        for (java.util.concurrent.Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
        return List.copyOf(outcomes);
    }

    /** Every answer so far, while the clients go on. */
    List<Outcome> snapshot() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    long acknowledged() {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.kind() == Kind.ACKNOWLEDGED).count();
        }
    }

    /** Every attempt of each command, by correlation id, in the order they were made. */
    static Map<String, List<Outcome>> attemptsByCommand(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::correlationId,
                java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /** The q-quantile (0..1) of the client's wait for acknowledged attempts, in milliseconds. */
    static double quantileMillis(List<Outcome> outcomes, double q) {
        long[] waits = outcomes.stream().filter(o -> o.kind() == Kind.ACKNOWLEDGED).mapToLong(Outcome::nanos)
                .sorted().toArray();
        if (waits.length == 0) {
            return Double.NaN;
        }
        return waits[(int) Math.min(waits.length - 1, Math.ceil(q * waits.length) - 1)] / 1e6;
    }

    static Map<Kind, Long> byKind(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::kind, Collectors.counting()));
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdownNow();
    }
}

package dev.dimmer.deploy.nodes;

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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Clients behind a load balancer: each command goes to the next node in service, carries its own correlation id and
 * an Idempotency-Key, and a command whose outcome the client does not know (a 5xx, a connection cut mid-answer,
 * or never sent) is sent again with the same key, to whichever node is next, until it is known. Each client walks
 * its own migrations' wave {@code customers} through canary 10%, 50% and back to SHADOW, round and round.
 */
final class RollingLoad implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<ServerNode> next;
    private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong acknowledged = new AtomicLong();
    private final ExecutorService clients;
    private final List<Future<?>> work = new ArrayList<>();

    /** What a client was finally told about one command, and how many attempts that took. */
    enum Told { ACKNOWLEDGED, REFUSED, UNKNOWN }

    record Command(String correlationId, String migration, String action, Told told, int attempts, String last) {
    }

    RollingLoad(Supplier<ServerNode> next, List<List<String>> migrationsPerClient) {
        this.next = next;
        this.clients = Executors.newFixedThreadPool(migrationsPerClient.size());
        for (List<String> own : migrationsPerClient) {
            work.add(clients.submit(() -> cycle(own)));
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** Waits until {@code more} further commands were acknowledged; fails after a minute. */
    void awaitMore(long more) {
        long target = acknowledged() + more;
        Cluster.await(Duration.ofSeconds(60), target + " acknowledged commands", () -> acknowledged() >= target);
    }

    /** Stops the clients once their commands in flight are known, and answers every command sent. */
    List<Command> stop() throws Exception {
        running.set(false);
        for (Future<?> future : work) {
            future.get(90, TimeUnit.SECONDS);
        }
        return List.copyOf(commands);
    }

    private void cycle(List<String> own) {
        for (int i = 0; running.get(); i++) {
            String migration = own.get(i % own.size());
            String action = (i / own.size()) % 3 < 2 ? "advance" : "rollback";
            Command command = send(migration, action);
            commands.add(command);
            if (command.told() == Told.ACKNOWLEDGED) {
                acknowledged.incrementAndGet();
            } else {
                pause(50);
            }
        }
    }

    private Command send(String migration, String action) {
        String correlation = "rolling-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            ServerNode node = next.get();
            String last;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node.url()
                                + "/api/migrations/" + migration + "/waves/customers/" + action))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + Cluster.LEAD)
                        .header("Content-Type", "application/json")
                        .header("X-Correlation-Id", correlation)
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"" + action + " under a rolling "
                                + "restart\"}")).build(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                last = node.name() + " " + status + " " + answer.body();
                if (status < 300) {
                    return new Command(correlation, migration, action, Told.ACKNOWLEDGED, attempts, last);
                }
                if (status < 500) {
                    return new Command(correlation, migration, action, Told.REFUSED, attempts, last);
                }
            } catch (ConnectException | HttpConnectTimeoutException e) {
                last = node.name() + " not sent: " + e;
            } catch (IOException e) {
                last = node.name() + " cut off: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Command(correlation, migration, action, Told.UNKNOWN, attempts, "interrupted");
            }
            if (System.nanoTime() > deadline) {
                return new Command(correlation, migration, action, Told.UNKNOWN, attempts, last);
            }
            pause(200);
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

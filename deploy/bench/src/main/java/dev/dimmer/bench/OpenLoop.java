package dev.dimmer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop client: requests go out on a fixed schedule, whatever the answers' latency, each timed from the
 * moment it was due (not from when it was sent), so a stall counts in full for every request it held up. Commands
 * go round the migrations (advance, advance, roll back: canary 10 %, 50 %, back to shadow), to the nodes in turn.
 */
final class OpenLoop {
    private static final Pattern PART = Pattern.compile("(\\w+);dur=([0-9.]+)");

    private OpenLoop() {
    }

    enum Kind { READ, COMMAND }

    record Target(String url, String token) {
    }

    /** One answer: its latency from due, its status, and the server's own timing parts (ms), if it gave them. */
    record Answer(long nanos, int status, Map<String, Double> parts) {
    }

    /** Mean milliseconds of each part over some answers, and the part of their latency outside the server's. */
    record Parts(int count, Map<String, Double> mean) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            mean.forEach((part, ms) -> text.append(text.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.1f", part, ms)));
            return text.toString();
        }
    }

    record Result(Latencies latencies, List<Answer> answers) {
        Map<Integer, Integer> statuses() {
            Map<Integer, Integer> counts = new TreeMap<>();
            answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
            return counts;
        }

        /** The slowest 1 %: where their time went, on average (outside = client queue, network, HTTP server). */
        Parts slowest() {
            List<Answer> sorted = new ArrayList<>(answers);
            sorted.sort((a, b) -> Long.compare(b.nanos(), a.nanos()));
            List<Answer> tail = sorted.subList(0, Math.max(1, sorted.size() / 100));
            Map<String, Double> mean = new java.util.LinkedHashMap<>();
            mean.put("total", tail.stream().mapToDouble(a -> a.nanos() / 1e6).average().orElse(Double.NaN));
            for (String part : List.of("key", "command", "view")) {
                mean.put(part, tail.stream().mapToDouble(a -> a.parts().getOrDefault(part, 0.0)).average()
                        .orElse(Double.NaN));
            }
            mean.put("outside the command handling", tail.stream().mapToDouble(a -> a.nanos() / 1e6
                    - a.parts().values().stream().mapToDouble(Double::doubleValue).sum()).average().orElse(Double.NaN));
            return new Parts(tail.size(), mean);
        }

        Parts partsP99() {
            Map<String, Double> p99 = new java.util.LinkedHashMap<>();
            for (String part : List.of("key", "command", "view")) {
                Latencies each = new Latencies();
                answers.forEach(a -> each.add((long) (a.parts().getOrDefault(part, 0.0) * 1e6)));
                p99.put(part, each.millis(99));
            }
            return new Parts(answers.size(), p99);
        }
    }

    /** Sends for {@code warmup + seconds}; returns the answers to the requests due after the warm-up. */
    static Result run(List<Target> targets, List<String> migrations, double rate, int warmup, int seconds, Kind kind)
            throws InterruptedException {
        return run(targets, migrations, rate, warmup, seconds, kind, () -> { });
    }

    /** As above; {@code counting} runs once, when the first request after the warm-up is due. */
    static Result run(List<Target> targets, List<String> migrations, double rate, int warmup, int seconds, Kind kind,
                      Runnable counting) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Map<Long, CompletableFuture<?>> open = new ConcurrentHashMap<>();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long counted = start + warmup * 1_000_000_000L;
        long total = (long) ((warmup + seconds) * rate);
        long[] next = {0};
        boolean[] started = {false};
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            while (next[0] < total && start + next[0] * period <= now) {
                long n = next[0]++;
                long due = start + n * period;
                if (due >= counted && !started[0]) {
                    started[0] = true;
                    counting.run();
                }
                String migration = migrations.get((int) (n % migrations.size()));
                Target target = targets.get((int) (n % targets.size()));
                HttpRequest request = request(target, migration, kind, (n / migrations.size()) % 3 == 2);
                CompletableFuture<?> answered = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            if (due >= counted) {
                                answers.add(new Answer(System.nanoTime() - due,
                                        error == null ? response.statusCode() : 0,
                                        error == null ? parts(response) : Map.of()));
                            }
                            open.remove(n);
                        });
                open.put(n, answered);
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (next[0] < total) {
            Thread.sleep(100);
        }
        timer.shutdown();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Latencies latencies = new Latencies();
        List<Answer> taken;
        synchronized (answers) {
            taken = List.copyOf(answers);
        }
        taken.forEach(a -> latencies.add(a.nanos()));
        return new Result(latencies, taken);
    }

    private static HttpRequest request(Target target, String migration, Kind kind, boolean rollback) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.url() + "/api/migrations/" + migration
                        + (kind == Kind.READ ? "" : "/waves/orders/" + (rollback ? "rollback" : "advance"))))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + target.token());
        if (kind == Kind.READ) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"bench\"}")).build();
    }

    private static Map<String, Double> parts(HttpResponse<String> response) {
        Map<String, Double> parts = new java.util.LinkedHashMap<>();
        response.headers().firstValue("Server-Timing").ifPresent(header -> {
            Matcher m = PART.matcher(header);
            while (m.find()) {
                parts.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        });
        return parts;
    }
}

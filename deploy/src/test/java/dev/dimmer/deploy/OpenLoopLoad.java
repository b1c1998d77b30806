package dev.dimmer.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.CommandLoad.Kind;
import dev.dimmer.deploy.CommandLoad.Outcome;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Open-loop clients: commands go out on a fixed schedule ({@code rate} a second, round the migrations: advance,
 * advance, roll back), whatever the answers' latency, so a stalled server meets a queue of waiting callers as it
 * would in life. A command's latency runs from the moment it was due to be sent to its definite answer (stored or
 * refused), retries included: a stall counts in full for every command it delayed, none is left out.
 *
 * <p>An unknown outcome (5xx, a cut connection) or a connection refused is retried with the same Idempotency-Key on
 * the next node, with back-off, for up to a minute from the due time, as a careful client would.
 */
final class OpenLoopLoad implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\w+);dur=([0-9.]+)");
    private static final long GIVE_UP = Duration.ofSeconds(60).toNanos();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final Supplier<String> url;
    private final String token;
    private final List<String> migrations;
    private final long period;
    private final long start = System.nanoTime();
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Command> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running = true;
    private long next;

    /** A command as it was due: its correlation id and idempotency key stay the same over its retries. */
    record Command(String correlationId, String key, String migration, String action, long due) {
    }

    /** A command's definite answer (or the last of its attempts, when it gave up), and its latency from due. */
    record Answer(Command command, Kind kind, int status, long nanos, String timing) {
        boolean definite() {
            return kind == Kind.ACKNOWLEDGED || kind == Kind.REFUSED;
        }
    }

    /** Latency figures of the commands due in a span of time; where the slowest 1 % spent their time. */
    record Figures(int due, int answered, double seconds, double p50, double p99, double max, String slowest) {
        @Override
        public String toString() {
            return String.format("%d commands due over %.0f s (%.1f/s), %d answered; latency p50 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms; the slowest 1 %%, mean ms of the server's parts: %s", due, seconds,
                    due / seconds, answered, p50, p99, max, slowest);
        }
    }

    OpenLoopLoad(Supplier<String> url, String token, List<String> migrations, double rate) {
        this.url = url;
        this.token = token;
        this.migrations = List.copyOf(migrations);
        this.period = (long) (1e9 / rate);
        timer.scheduleAtFixedRate(this::dispatchDue, 0, 2, TimeUnit.MILLISECONDS);
    }

    long now() {
        return System.nanoTime();
    }

    // sends every command whose time has come, catching up after a late tick rather than skipping
    private void dispatchDue() {
        long now = System.nanoTime();
        while (running && start + next * period <= now) {
            long n = next++;
            String migration = migrations.get((int) (n % migrations.size()));
            String action = (n / migrations.size()) % 3 == 2 ? "rollback" : "advance";
            Command command = new Command("fault-" + UUID.randomUUID(), UUID.randomUUID().toString(), migration,
                    action, start + n * period);
            sent.add(command);
            open.incrementAndGet();
            attempt(command, 0);
        }
    }

    private void attempt(Command command, int tries) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.get() + "/api/migrations/" + command.migration()
                            + "/waves/customers/" + command.action()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Correlation-Id", command.correlationId())
                    .header("Idempotency-Key", command.key())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("reason", command.action() + " under fault")))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> answered(command, tries, response, error));
    }

    private void answered(Command command, int tries, HttpResponse<String> response, Throwable error) {
        long nanos = System.nanoTime() - command.due();
        Kind kind;
        int status = 0;
        String body;
        String timing = null;
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            kind = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    ? Kind.NOT_SENT : Kind.UNKNOWN;
            body = cause.toString();
        } else {
            status = response.statusCode();
            kind = status < 300 ? Kind.ACKNOWLEDGED : status < 500 ? Kind.REFUSED : Kind.UNKNOWN;
            body = response.body();
            timing = response.headers().firstValue("Server-Timing").orElse(null);
        }
        outcomes.add(new Outcome(command.correlationId(), command.migration(), command.action(), kind, status, body,
                nanos));
        Answer answer = new Answer(command, kind, status, nanos, timing);
        if (!answer.definite() && nanos < GIVE_UP && !timer.isShutdown()) {
            long backoff = Math.min(4000, 250L << Math.min(tries, 4));
            timer.schedule(() -> attempt(command, tries + 1), backoff, TimeUnit.MILLISECONDS);
            return;
        }
        answers.put(command.correlationId(), answer);
        open.decrementAndGet();
    }

    /** Stops sending, waits for the commands in flight to get their answers, and returns every attempt's answer. */
    List<Outcome> stop() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + GIVE_UP + Duration.ofSeconds(30).toNanos();
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (open.get() > 0) {
            throw new AssertionError(open.get() + " commands neither answered nor given up after the load stopped");
        }
        return List.copyOf(outcomes);
    }

    long acknowledged() {
        return answers.values().stream().filter(a -> a.kind() == Kind.ACKNOWLEDGED).count();
    }

    /** The figures of the commands due between two {@link #now()} readings. */
    Figures figures(long from, long to) {
        List<Command> due;
        synchronized (sent) {
            due = sent.stream().filter(c -> c.due() >= from && c.due() < to).toList();
        }
        List<Answer> definite = due.stream().map(c -> answers.get(c.correlationId()))
                .filter(a -> a != null && a.definite()).sorted(java.util.Comparator.comparingLong(Answer::nanos))
                .toList();
        long[] waits = definite.stream().mapToLong(Answer::nanos).toArray();
        return new Figures(due.size(), waits.length, (to - from) / 1e9, quantile(waits, 0.5),
                quantile(waits, 0.99), quantile(waits, 1),
                slowest(definite.subList(definite.size() - Math.max(1, definite.size() / 100), definite.size())));
    }

    /** Mean of each Server-Timing part (key, command, view) over some answers; the rest is outside the handling. */
    private static String slowest(List<Answer> tail) {
        Map<String, Double> sums = new java.util.LinkedHashMap<>();
        int timed = 0;
        double outside = 0;
        for (Answer answer : tail) {
            if (answer.timing() == null) {
                continue;
            }
            timed++;
            double inside = 0;
            java.util.regex.Matcher m = PART.matcher(answer.timing());
            while (m.find()) {
                double ms = Double.parseDouble(m.group(2));
                sums.merge(m.group(1), ms, Double::sum);
                inside += ms;
            }
            outside += answer.nanos() / 1e6 - inside;
        }
        int n = Math.max(1, timed);
        StringBuilder text = new StringBuilder();
        sums.forEach((part, sum) -> text.append(String.format("%s %.0f, ", part, sum / n)));
        return text.append(String.format("outside (queue, admission, retries) %.0f; %d of %d timed", outside / n,
                timed, tail.size())).toString();
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
    }
}

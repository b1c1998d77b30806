package dev.dimmer.core.metrics;

import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.ProcessorView;
import dev.dimmer.api.status.ProcessorsView;
import dev.dimmer.api.status.WaveStatusView;
import dev.dimmer.core.axon.ReadingProcessors;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the database: each wave's phase and canary weight (status view), runbooks by state, each
 * processor's lag and whether it is stalled (token table), the outbox's backlog per topic. A thread of its own
 * samples them every {@code dimmer.metrics.refresh}, so a scrape never waits for the database; when a read fails
 * the gauges keep their last values and {@code dimmer_metrics_sample_age_seconds} grows. The last processor
 * states also serve readiness.
 */
@Context
public final class OperationalGauges {
    private static final Logger LOG = LoggerFactory.getLogger(OperationalGauges.class);
    private static final String OUTBOX = """
            SELECT topic,
                   count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL),
                   coalesce(extract(epoch FROM now() - min(created_at)
                            FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL)), 0),
                   count(*) FILTER (WHERE failed_at IS NOT NULL)
              FROM outbox_message
             WHERE delivered_at IS NULL
             GROUP BY topic""";
    private final QueryGateway queries;
    private final ReadingProcessors processors;
    private final DataSource dataSource;
    private final Duration patience;
    private final MultiGauge wavePhase;
    private final MultiGauge waveWeight;
    private final MultiGauge runbooks;
    private final MultiGauge processorLag;
    private final MultiGauge processorStalled;
    private final MultiGauge outboxBacklog;
    private final MultiGauge outboxOldest;
    private final MultiGauge outboxFailed;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dimmer-metrics");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Set<String> topics = new java.util.TreeSet<>();
    private volatile long sampledAt = System.nanoTime();
    private volatile ProcessorsView lastProcessors;

    public OperationalGauges(MeterRegistry registry, QueryGateway queries, ReadingProcessors processors,
                             DataSource dataSource, @Value("${dimmer.metrics.refresh:5s}") Duration refresh) {
        this.queries = queries;
        this.processors = processors;
        this.dataSource = dataSource;
        this.patience = refresh.multipliedBy(2);
        wavePhase = MultiGauge.builder("dimmer.wave.phase").description("each wave's phase: 0 planned, 1 backfill, "
                + "2 shadow, 3 canary, 4 cutover, 5 stabilization, 6 decommissioned").register(registry);
        waveWeight = MultiGauge.builder("dimmer.wave.canary.weight").baseUnit("ratio")
                .description("share of reads the target serves, 0 to 1").register(registry);
        runbooks = MultiGauge.builder("dimmer.runbooks").description("waves whose latest runbook is in each state")
                .register(registry);
        processorLag = MultiGauge.builder("dimmer.processor.lag").baseUnit("events")
                .description("positions between a processor's slowest segment and the head of the log")
                .register(registry);
        processorStalled = MultiGauge.builder("dimmer.processor.stalled")
                .description("1 while a handler keeps failing on an event (retried, never skipped)").register(registry);
        outboxBacklog = MultiGauge.builder("dimmer.outbox.backlog").baseUnit("messages")
                .description("messages waiting for delivery, per topic").register(registry);
        outboxOldest = MultiGauge.builder("dimmer.outbox.oldest.waiting").baseUnit("seconds")
                .description("age of the oldest message waiting for delivery, per topic").register(registry);
        outboxFailed = MultiGauge.builder("dimmer.outbox.failed").baseUnit("messages")
                .description("messages given up for good, per topic").register(registry);
        Gauge.builder("dimmer.metrics.sample.age", this, g -> (System.nanoTime() - g.sampledAt) / 1e9)
                .baseUnit("seconds").description("time since the database gauges were last read in full")
                .register(registry);
        long millis = Math.max(100, refresh.toMillis());
        thread.scheduleWithFixedDelay(this::sample, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** The processors as last sampled, if that was recent enough to trust. */
    public Optional<ProcessorsView> processors() {
        ProcessorsView view = lastProcessors;
        return view != null && System.nanoTime() - sampledAt < patience.toNanos() ? Optional.of(view)
                : Optional.empty();
    }

    void sample() {
        try {
            sampleWaves();
            sampleProcessors();
            sampleOutbox();
            sampledAt = System.nanoTime();
        } catch (RuntimeException | SQLException e) {
            LOG.debug("metrics: could not read the database ({}); gauges keep their last values", e.getMessage());
        }
    }

    private void sampleWaves() {
        MigrationListView list = queries.query(new dev.dimmer.api.status.FindMigrationsQuery(),
                ResponseTypes.instanceOf(MigrationListView.class)).orTimeout(patience.toMillis(),
                TimeUnit.MILLISECONDS).join();
        List<MultiGauge.Row<?>> phases = new ArrayList<>();
        List<MultiGauge.Row<?>> weights = new ArrayList<>();
        Map<List<String>, Integer> states = new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
        for (MigrationStatusView migration : list.migrations()) {
            for (WaveStatusView wave : migration.waves()) {
                Tags tags = Tags.of("migration", migration.id(), "wave", wave.name());
                phases.add(MultiGauge.Row.of(tags, wave.phase().ordinal()));
                weights.add(MultiGauge.Row.of(tags, wave.weight() / 100.0));
                if (wave.runbook() != null) {
                    states.merge(List.of(wave.runbook().purpose(), wave.runbook().state()), 1, Integer::sum);
                }
            }
        }
        for (String purpose : List.of("rollback", "cutover")) {
            for (String state : List.of("running", "stalled", "completed")) {
                states.putIfAbsent(List.of(purpose, state), 0);
            }
        }
        wavePhase.register(phases, true);
        waveWeight.register(weights, true);
        runbooks.register(states.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(
                Tags.of("purpose", e.getKey().get(0), "state", e.getKey().get(1)), e.getValue())).toList(), true);
    }

    private void sampleProcessors() {
        ProcessorsView view = processors.read();
        List<MultiGauge.Row<?>> lag = new ArrayList<>();
        List<MultiGauge.Row<?>> stalled = new ArrayList<>();
        for (ProcessorView processor : view.processors()) {
            Tags tags = Tags.of("group", processor.name());
            lag.add(MultiGauge.Row.of(tags, processor.behind()));
            stalled.add(MultiGauge.Row.of(tags, processor.state().equals("stalled") ? 1 : 0));
        }
        processorLag.register(lag, true);
        processorStalled.register(stalled, true);
        lastProcessors = view;
    }

    private void sampleOutbox() throws SQLException {
        List<MultiGauge.Row<?>> backlog = new ArrayList<>();
        List<MultiGauge.Row<?>> oldest = new ArrayList<>();
        List<MultiGauge.Row<?>> failed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(OUTBOX)) {
            s.setQueryTimeout((int) Math.max(1, patience.toSeconds()));
            try (ResultSet rows = s.executeQuery()) {
                java.util.Set<String> waiting = new java.util.HashSet<>();
                while (rows.next()) {
                    topics.add(rows.getString(1));
                    waiting.add(rows.getString(1));
                    Tags tags = Tags.of("topic", rows.getString(1));
                    backlog.add(MultiGauge.Row.of(tags, rows.getLong(2)));
                    oldest.add(MultiGauge.Row.of(tags, rows.getDouble(3)));
                    failed.add(MultiGauge.Row.of(tags, rows.getLong(4)));
                }
                // a topic whose queue ran dry answers 0 rather than vanishing: "no data" is not "nothing waits"
                for (String topic : topics) {
                    if (!waiting.contains(topic)) {
                        backlog.add(MultiGauge.Row.of(Tags.of("topic", topic), 0));
                        oldest.add(MultiGauge.Row.of(Tags.of("topic", topic), 0));
                        failed.add(MultiGauge.Row.of(Tags.of("topic", topic), 0));
                    }
                }
            }
        }
        outboxBacklog.register(backlog, true);
        outboxOldest.register(oldest, true);
        outboxFailed.register(failed, true);
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }
}

package dev.dimmer.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The relay on real PostgreSQL, with a receiver that answers what each test needs; nothing here knows Slack. */
class OutboxRelayTest {
    private static final String TOPIC = "test";
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40), 5);
    private static TestDatabase database;
    private static DataSource dataSource;
    private final MovableClock clock = new MovableClock();
    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void migrate() {
        database = TestPostgres.newDatabase();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database.url());
        source.setUser(database.user());
        source.setPassword(database.password());
        dataSource = source;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("DELETE FROM outbox_message");
    }

    @Test
    void shouldDeliverEachMessageOnceInOrderPerKeyWithTwoRelaysAndKeysInParallel() throws Exception {
        // given four keys with 15 messages each, queued interleaved
        for (int position = 1; position <= 60; position++) {
            enqueue("key-" + position % 4, position);
        }
        Map<String, AtomicInteger> busyPerKey = new ConcurrentHashMap<>();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger mostPerKey = new AtomicInteger();
        // the first delivery waits (a while) for the other relay to be delivering too
        CountDownLatch bothBusy = new CountDownLatch(2);
        Delivery slow = m -> {
            mostAtOnce.accumulateAndGet(busy.incrementAndGet(), Math::max);
            mostPerKey.accumulateAndGet(busyPerKey.computeIfAbsent(m.key(), k -> new AtomicInteger())
                    .incrementAndGet(), Math::max);
            bothBusy.countDown();
            await(bothBusy);
            sleep(2);
            delivered.add(m.key() + "#" + m.position());
            busyPerKey.get(m.key()).decrementAndGet();
            busy.decrementAndGet();
            return new Outcome.Delivered(null);
        };

        // when two relays deliver at once
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            OutboxRelay relay = relay(slow);
            running.add(nodes.submit(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (delivered.size() < 60 && System.nanoTime() < deadline) {
                    relay.deliverDue();
                }
            }));
        }
        for (Future<?> node : running) {
            node.get();
        }
        nodes.shutdown();

        // then each message went out once, each key in order, and different keys at the same time
        assertThat(delivered).hasSize(60).doesNotHaveDuplicates();
        Map<String, List<Long>> perKey = delivered.stream().collect(Collectors.groupingBy(
                d -> d.substring(0, d.indexOf('#')), Collectors.mapping(d -> Long.parseLong(d.substring(
                        d.indexOf('#') + 1)), Collectors.toList())));
        assertThat(perKey).hasSize(4).allSatisfy((key, positions) -> assertThat(positions).isSorted().hasSize(15));
        assertThat(mostPerKey).as("one message of a key at a time").hasValue(1);
        assertThat(mostAtOnce).as("keys in parallel").hasValue(2);
        assertThat(count("delivered_at IS NOT NULL AND attempts = 1")).isEqualTo(60);
    }

    @Test
    void shouldBackOffExponentiallyUpToTheCapThenMarkTheMessageFailed() throws SQLException {
        // given a receiver that is down
        enqueue("orders", 1);
        OutboxRelay relay = relay(m -> new Outcome.Transient("HTTP 503"));
        List<Long> waits = new ArrayList<>();

        // when each retry comes due and fails again
        for (int attempt = 1; attempt <= 5; attempt++) {
            relay.deliverDue();
            waits.add(secondsUntilDue("orders", 1));
            sql("UPDATE outbox_message SET next_attempt_at = now() WHERE failed_at IS NULL");
        }

        // then the waits double up to the cap, and the fifth failure gives up
        assertThat(waits.subList(0, 4)).containsExactly(10L, 20L, 40L, 40L);
        assertThat(row("orders", 1, "failed_at IS NOT NULL")).isTrue();
        assertThat(column("orders", 1, "attempts || ' ' || last_error")).isEqualTo("5 HTTP 503");
    }

    @Test
    void shouldHoldTheWholeTopicForRetryAfterAndThenGoOn() throws SQLException {
        // given a receiver that rate-limits the first message for 30 s
        enqueue("orders", 1);
        enqueue("payments", 2);
        OutboxRelay relay = relay(m -> m.key().equals("orders") && m.attempts() == 0
                ? new Outcome.RetryAfter(Duration.ofSeconds(30), "rate limited") : deliver(m));

        // when a round runs, and another straight after
        relay.deliverDue();
        relay.deliverDue();

        // then that message waits 30 s and nothing else of the topic goes out meanwhile
        assertThat(secondsUntilDue("orders", 1)).isEqualTo(30);
        assertThat(relay.paused()).isTrue();
        assertThat(delivered).isEmpty();

        // and once the wait is over, the rest goes out; the limited message when it is due
        clock.advance(Duration.ofSeconds(31));
        assertThat(relay.deliverDue()).containsExactly("payments");
        sql("UPDATE outbox_message SET next_attempt_at = now()");
        assertThat(relay.deliverDue()).containsExactly("orders");
        assertThat(delivered).containsExactly("payments#2", "orders#1");
    }

    @Test
    void shouldMarkAPermanentFailureFailedWithoutBlockingTheKey() throws SQLException {
        // given a receiver that refuses the first message for good
        enqueue("orders", 1);
        enqueue("orders", 2);
        OutboxRelay relay = relay(m -> m.position() == 1 ? new Outcome.Permanent("msg_too_long", "shorten it")
                : deliver(m));

        // when one round runs
        relay.deliverDue();

        // then the refused message is failed, not retried, and the next one of its key went out
        assertThat(column("orders", 1, "attempts || ' ' || last_error")).isEqualTo("1 msg_too_long");
        assertThat(row("orders", 1, "failed_at IS NOT NULL AND delivered_at IS NULL")).isTrue();
        assertThat(delivered).containsExactly("orders#2");
        relay.deliverDue();
        assertThat(delivered).containsExactly("orders#2");
    }

    @Test
    void shouldRedeliverAMessageWhoseClaimWasRolledBack() throws SQLException {
        // given a receiver whose first call crashes the relay before the row is marked
        enqueue("orders", 1);
        AtomicInteger calls = new AtomicInteger();
        OutboxRelay relay = relay(m -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("node died");
            }
            return deliver(m);
        });

        // when the round fails and the next one runs
        assertThat(relay.deliverDue()).isEmpty();
        assertThat(column("orders", 1, "attempts || ' ' || coalesce(last_error, '-')")).isEqualTo("0 -");
        relay.deliverDue();

        // then the message is delivered, once
        assertThat(delivered).containsExactly("orders#1");
        assertThat(row("orders", 1, "delivered_at IS NOT NULL AND attempts = 1")).isTrue();
    }

    @Test
    void shouldSkipAClaimAnotherNodeHoldsAndDeliverItAfterThatNodeDies() throws SQLException {
        // given another node that has claimed the head of "orders" and not marked it yet
        enqueue("orders", 1);
        enqueue("orders", 2);
        enqueue("payments", 3);
        OutboxRelay relay = relay(OutboxRelayTest.this::deliver);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeQuery("SELECT id FROM outbox_message WHERE position = 1 FOR UPDATE").close();
            }

            // when this relay runs meanwhile
            relay.deliverDue();

            // then it leaves the key alone, not jumping ahead to its second message
            assertThat(delivered).containsExactly("payments#3");
            other.rollback();
        }

        // and once the other node's transaction is gone, the key goes out in order
        relay.deliverDue();
        assertThat(delivered).containsExactly("payments#3", "orders#1", "orders#2");
    }

    @Test
    void shouldQueueAMessageOnceAndOnlyWithTheTransactionThatWroteIt() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Outbox outbox = new Outbox(() -> unclosable(c));
            // given a processor transaction that queues a message and rolls back
            c.setAutoCommit(false);
            assertThat(outbox.enqueue(TOPIC, "orders", 1, "first")).isTrue();
            c.rollback();
            assertThat(count("true")).isZero();

            // when it is handled again, twice (a replay), and commits
            assertThat(outbox.enqueue(TOPIC, "orders", 1, "first")).isTrue();
            assertThat(outbox.enqueue(TOPIC, "orders", 1, "again")).isFalse();
            c.commit();
        }

        // then the message is queued once, as first written
        assertThat(column("orders", 1, "payload")).isEqualTo("first");
        assertThat(count("true")).isEqualTo(1);
    }

    @Test
    void shouldDeliverAtOnceWhenWokenRatherThanAtTheNextPoll() throws Exception {
        // given a relay that polls once an hour, and a message queued after it started
        OutboxRelay relay = relay(OutboxRelayTest.this::deliver);
        relay.wake();
        relay.start(Duration.ofHours(1));
        try {
            enqueue("orders", 1);

            // when the node that queued it wakes the relay
            relay.wake();

            // then it goes out now, not in an hour
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(delivered).containsExactly("orders#1");
        } finally {
            relay.close();
        }
    }

    private OutboxRelay relay(Delivery delivery) {
        return new OutboxRelay(TOPIC, dataSource, delivery, BACKOFF, clock);
    }

    private Outcome deliver(OutboxMessage m) {
        delivered.add(m.key() + "#" + m.position());
        return new Outcome.Delivered("receipt-" + m.position());
    }

    private static void enqueue(String key, long position) throws SQLException {
        new Outbox(dataSource::getConnection).enqueue(TOPIC, key, position, "message " + position);
    }

    private static long secondsUntilDue(String key, long position) throws SQLException {
        return Long.parseLong(column(key, position, "round(extract(epoch FROM next_attempt_at - now()))"));
    }

    private static boolean row(String key, long position, String condition) throws SQLException {
        return column(key, position, "(" + condition + ")::text").equals("true");
    }

    private static String column(String key, long position, String expression) throws SQLException {
        return query("SELECT " + expression + " FROM outbox_message WHERE message_key = '" + key
                + "' AND position = " + position, rows -> rows.get(0));
    }

    private static long count(String condition) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM outbox_message WHERE " + condition, rows -> rows.get(0)));
    }

    private static <T> T query(String sql, Function<List<String>, T> answer) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return answer.apply(Collections.unmodifiableList(values));
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection unclosable(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The relay's clock for Retry-After pauses, moved by the test instead of waited for. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

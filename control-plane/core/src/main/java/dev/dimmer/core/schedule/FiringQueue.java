package dev.dimmer.core.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.core.axon.AxonJson;
import dev.dimmer.outbox.Outbox;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The firings Quartz handed over, waiting for their command: a row per (job, scheduled fire time) in the outbox
 * table, committed before the Quartz firing completes. Quartz's thread does only this insert, so a burst of firings
 * never waits for a free Quartz thread while commands run; the {@link FiringRelays} of every node send the commands.
 * A firing Quartz hands over twice (a second node, a recovery, a misfire retry) finds its row there and is queued
 * once; a node that dies with a row claimed releases its lock and another node sends it.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class FiringQueue {
    static final String TOPIC = "schedule-firing";
    private static final ObjectMapper JSON = AxonJson.mapper();
    private final DataSource dataSource;
    private final Set<Runnable> relays = ConcurrentHashMap.newKeySet();

    FiringQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Queues the firing behind the same job's earlier ones (a job's firings are acted on in order, one at a time)
     * and wakes this node's relays; answers false when that firing was queued before.
     */
    boolean enqueue(Firing firing, String job) throws SQLException {
        boolean queued;
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            queued = Outbox.enqueue(c, TOPIC, firing.migration() + "/" + job, firing.scheduled().toEpochMilli(),
                    json(firing));
        }
        relays.forEach(Runnable::run);
        return queued;
    }

    void whenQueued(Runnable relay) {
        relays.add(relay);
    }

    static String json(Firing firing) {
        try {
            return JSON.writeValueAsString(firing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot queue the firing " + firing.key() + ": " + e.getMessage(), e);
        }
    }

    static Firing firing(String json) {
        try {
            return JSON.readValue(json, Firing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable queued firing: " + e.getOriginalMessage(), e);
        }
    }
}

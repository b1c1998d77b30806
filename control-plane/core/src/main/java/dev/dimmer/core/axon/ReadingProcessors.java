package dev.dimmer.core.axon;

import dev.dimmer.api.status.HandlerFailureView;
import dev.dimmer.api.status.ProcessorView;
import dev.dimmer.api.status.ProcessorsView;
import dev.dimmer.api.status.SegmentView;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Reads how far each event processor has come, from the token table (so segments claimed by other nodes show too),
 * beside the head of the log and the processor's last failure on this node.
 */
@Singleton
public final class ReadingProcessors {
    private static final String TOKENS = """
            SELECT processor_name, segment, owner, token, token_type FROM token_entry
             ORDER BY processor_name, segment""";
    private final Configuration axon;
    private final JdbcTransactions connections;
    private final HandlerFailures failures;

    public ReadingProcessors(Configuration axon, JdbcTransactions connections, HandlerFailures failures) {
        this.axon = axon;
        this.connections = connections;
        this.failures = failures;
    }

    public ProcessorsView read() {
        TrackingToken headToken = axon.eventStore().createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Map<String, List<SegmentView>> segments = segments(head);
        TreeSet<String> names = new TreeSet<>(axon.eventProcessingConfiguration().eventProcessors().keySet());
        List<ProcessorView> processors = new ArrayList<>();
        for (String name : names) {
            List<SegmentView> own = segments.getOrDefault(name, List.of());
            long behind = own.isEmpty() ? head + 1 : own.stream().mapToLong(SegmentView::behind).max().orElse(0);
            Optional<HandlerFailureView> failure = failures.last(name);
            processors.add(new ProcessorView(name, state(own, behind, failure), behind, own, failure.orElse(null)));
        }
        return new ProcessorsView(head, processors);
    }

    private static String state(List<SegmentView> segments, long behind, Optional<HandlerFailureView> failure) {
        long slowest = segments.stream().mapToLong(s -> s.position() == null ? -1 : s.position()).min().orElse(-1);
        boolean notPastFailure = failure.isPresent()
                && (failure.get().position() == null ? behind > 0 : slowest < failure.get().position());
        if (notPastFailure) {
            return "stalled";
        }
        if (behind <= 0) {
            return "caught-up";
        }
        return segments.isEmpty() || segments.stream().anyMatch(s -> s.owner() == null && s.behind() > 0)
                ? "unclaimed" : "catching-up";
    }

    private Map<String, List<SegmentView>> segments(long head) {
        Map<String, List<SegmentView>> segments = new TreeMap<>();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(TOKENS);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                Long position = position(rows.getBytes(4), rows.getString(5));
                long behind = position == null ? head + 1 : Math.max(0, head - position);
                segments.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(new SegmentView(rows.getInt(2), rows.getString(3), position, behind));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the processors' tokens: " + e.getMessage(), e);
        }
        return segments;
    }

    private Long position(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        TrackingToken tracking = axon.serializer().deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null || tracking.position().isEmpty() ? null : tracking.position().getAsLong();
    }
}

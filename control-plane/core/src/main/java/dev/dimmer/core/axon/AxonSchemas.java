package dev.dimmer.core.axon;

import dev.dimmer.core.audit.NotarisingEventStorage;
import dev.dimmer.core.audit.Notary;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Axon's JDBC table and column names, in snake_case to match the Flyway migrations (Axon's JDBC defaults are
 * camelCase).
 */
public final class AxonSchemas {
    private AxonSchemas() {
    }

    public static EventSchema events() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The storage engine with each event read from it carrying its own global index. */
    static EventStorageEngine positioned(EventStorageEngine engine, JdbcTransactions connections, Notary notary) {
        EventSchema schema = events();
        // the notary inside: it appends in the same transaction; positions are put on events as they are read
        EventStorageEngine notarised = notary == null ? engine
                : new NotarisingEventStorage(engine, connections, connections, notary);
        return new PositionedEventStorage(notarised, connections, schema.domainEventTable(), schema.globalIndexColumn(),
                schema.eventIdentifierColumn());
    }

    public static TokenSchema tokens() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}

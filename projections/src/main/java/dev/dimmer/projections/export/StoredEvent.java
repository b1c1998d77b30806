package dev.dimmer.projections.export;

import dev.dimmer.api.ledger.Leaf;

/**
 * One row of the event table as stored, with its ledger leaf (index and hash; null when the notary has not written
 * it): the inputs an auditor needs to recompute the leaf hash.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                          byte[] metaData, Long leafIndex, byte[] leafHash) {
    public Leaf leaf() {
        return new Leaf(eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision,
                timeStamp, payload, metaData);
    }
}

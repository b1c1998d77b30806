package dev.dimmer.validation.checksum;

/**
 * How the diff narrows differences: segments of at most {@code leafRows} rows are fetched, larger ones are cut
 * into {@code fanout} parts, leaves are fetched {@code batchSize} at a time, and it stops after
 * {@code maxRows} differences.
 */
public record BisectionSettings(int leafRows, int fanout, int maxRows, int batchSize) {
    public BisectionSettings {
        if (leafRows < 1 || fanout < 2 || maxRows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("leafRows, maxRows and batchSize must be positive, fanout at least 2");
        }
    }
}

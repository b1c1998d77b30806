package dev.dimmer.api.plan;

import java.util.List;

/** A job that produces or moves data (ETL, CDC, ELT), with the datasets it reads and writes. */
public record Pipeline(String name, String owner, String schedule, List<String> reads, List<String> writes) {
    public Pipeline {
        reads = Lists.of(reads);
        writes = Lists.of(writes);
    }
}

package dev.dimmer.api.plan;

import java.util.List;

/**
 * Anyone or anything that reads the data.
 *
 * @param kind one of service, dashboard, bi_extract, ml_feature, adhoc_job, pipeline
 */
public record Consumer(String name, String kind, String owner, List<String> reads) {
    public Consumer {
        reads = Lists.of(reads);
    }
}

package dev.dimmer.deploy.switches;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.time.Duration;

/** An application reading routing switches as users write one: the OpenFeature SDK and its OFREP provider. */
final class OpenFeatureConsumer {
    private final Client client;

    OpenFeatureConsumer(String domain, String baseUrl, String token) {
        OfrepProvider provider = OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl(baseUrl)
                .headers(ImmutableMap.of("Authorization", ImmutableList.of("Bearer " + token)))
                .requestTimeout(Duration.ofSeconds(5))
                .build());
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        client = OpenFeatureAPI.getInstance().getClient(domain);
    }

    FlagEvaluationDetails<String> read(String routingSwitch, String targetingKey) {
        return client.getStringDetails(routingSwitch, "unknown", targetingKey == null ? new ImmutableContext()
                : new ImmutableContext(targetingKey));
    }

    /** Reads until the switch answers the expected value for the key (switches follow the log within ms). */
    FlagEvaluationDetails<String> await(String routingSwitch, String targetingKey, String expected) {
        return await(routingSwitch, targetingKey, expected, read -> true);
    }

    /** Reads until the switch answers the expected value and the answer meets the condition too. */
    FlagEvaluationDetails<String> await(String routingSwitch, String targetingKey, String expected,
                                        java.util.function.Predicate<FlagEvaluationDetails<String>> also) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        FlagEvaluationDetails<String> last;
        do {
            last = read(routingSwitch, targetingKey);
            if (expected.equals(last.getValue()) && also.test(last)) {
                return last;
            }
            sleep(5);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(routingSwitch + " for " + targetingKey + " never read " + expected + "; last: "
                + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

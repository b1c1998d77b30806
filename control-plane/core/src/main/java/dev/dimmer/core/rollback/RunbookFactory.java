package dev.dimmer.core.rollback;

import dev.dimmer.api.dispatch.Dispatch;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;

/**
 * The executor's parts: a bounded pool for runbooks and rehearsals, one HTTP client, and the environment that
 * {@code ${env:NAME}} references read (the server's own).
 */
@Factory
class RunbookFactory {
    static final String POOL = "runbook-pool";

    @Singleton
    @Named(POOL)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService runbookPool(@Value("${dimmer.rollback.threads:4}") int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "dimmer-runbook-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@code ${env:NAME}} in a step is read as the validation runner reads it (the server's environment, or what the
     * program embedding the server gives it, as the demo does); where the server is embedded in a benchmark, its
     * configuration may supply the value as {@code dimmer.rollback.secrets.NAME} instead.
     */
    @Singleton
    StepActions stepActions(@Value("${dimmer.rollback.webhook-backoff:200ms}") Duration backoff,
                            io.micronaut.context.env.Environment configuration,
                            dev.dimmer.core.evidence.SecretLookup secrets) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        java.util.function.UnaryOperator<String> environment = name -> {
            String value = secrets.get(name);
            return value != null ? value
                    : configuration.getProperty("dimmer.rollback.secrets." + name, String.class).orElse(null);
        };
        return new StepActions(new SqlStep(environment), new WebhookStep(http, environment, backoff));
    }

    @Singleton
    RunningARunbook runningARunbook(Configuration axon, StepActions actions, Dispatch dispatch) {
        return new RunningARunbook(new RunbookProgress(axon::eventStore), actions, dispatch);
    }
}

package dev.dimmer.core.evidence;

import dev.dimmer.validation.plan.RunningPlannedChecks;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The validation engine as the runner uses it: passwords are read from the server's own environment at run time
 * (the plan names them as {@code ${env:NAME}}), never stored; each statement, and each query to Prometheus, is
 * bounded by {@code dimmer.validation.statement-timeout}.
 */
@Factory
class EvidenceFactory {
    @Singleton
    @Secondary
    SecretLookup environment() {
        return System::getenv;
    }

    @Singleton
    RunningPlannedChecks runningPlannedChecks(Clock clock, SecretLookup secrets,
                                              @Value("${dimmer.validation.statement-timeout:10m}") Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new RunningPlannedChecks(secrets::get, clock, timeout, http);
    }

    @Singleton
    PlannedChecks plannedChecks(RunningPlannedChecks engine) {
        return new PlannedChecks() {
            @Override
            public dev.dimmer.api.evidence.CheckResult run(dev.dimmer.api.plan.MigrationPlan plan,
                                                           dev.dimmer.api.plan.ValidationPlan validation) {
                return engine.run(plan, validation);
            }

            @Override
            public void cancelRunning() {
                engine.cancelRunning();
            }
        };
    }
}

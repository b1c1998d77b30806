package dev.dimmer.core.rollback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.secret.EnvReferences;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls an {@code http} step's webhook: a JSON body, the step's {@code Idempotency-Key} (the same on every retry
 * and after a restart, so the receiver can drop a repeat), an {@code X-Dimmer-Signature: sha256=<hex>} HMAC of the
 * body when the plan names a secret, and {@code X-Dimmer-Rehearsal: true} on a rehearsal. Retries an unexpected
 * status or a broken call with a short back-off; the secret's value is never in a result, log or event.
 */
final class WebhookStep {
    static final String SIGNATURE = "X-Dimmer-Signature";
    static final String REHEARSAL = "X-Dimmer-Rehearsal";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_RETRIES = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final UnaryOperator<String> environment;
    private final Duration backoff;

    WebhookStep(HttpClient http, UnaryOperator<String> environment, Duration backoff) {
        this.http = http;
        this.environment = environment;
        this.backoff = backoff;
    }

    StepResult run(RollbackAction.Webhook step, StepContext context) {
        long started = System.nanoTime();
        String url = context.url(step.url()).orElse(null);
        if (url == null) {
            return StepResult.failed("no rehearsal endpoint replaces " + step.url() + "; add its prefix to the "
                    + "plan's rehearsal.endpoints", started);
        }
        HttpRequest request;
        try {
            request = request(step, context, url);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return StepResult.failed(e.getMessage(), started);
        }
        int attempts = 1 + (step.retries() == null ? DEFAULT_RETRIES : Math.max(0, step.retries()));
        String last = "not called";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (expected(step, response.statusCode())) {
                    return StepResult.succeeded("HTTP " + response.statusCode()
                            + (attempt > 1 ? " on attempt " + attempt : ""), started);
                }
                last = "HTTP " + response.statusCode() + ", expected " + (step.expectedStatus() == null ? "2xx"
                        : step.expectedStatus());
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StepResult.interrupted(started);
            }
            if (attempt < attempts && !pause(attempt)) {
                return StepResult.interrupted(started);
            }
        }
        return StepResult.failed(method(step) + " " + redacted(url) + " failed after " + attempts + " attempt(s): "
                + last, started);
    }

    private HttpRequest request(RollbackAction.Webhook step, StepContext context, String url) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(step.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the step's body cannot be written as JSON: " + e.getOriginalMessage());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(step.timeout() == null || step.timeout().value() == null ? DEFAULT_TIMEOUT
                        : step.timeout().value())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", context.key())
                .method(method(step), HttpRequest.BodyPublishers.ofByteArray(body));
        if (step.secret() != null && !step.secret().isBlank()) {
            builder.header(SIGNATURE, "sha256=" + sign(secret(step.secret()), body));
        }
        if (context.rehearsal()) {
            builder.header(REHEARSAL, "true");
        }
        return builder.build();
    }

    private String secret(String reference) {
        return EnvReferences.substitute(reference, environment, name -> new IllegalStateException(
                "environment variable " + name + " (the webhook's secret) is not set; export it where the server runs"));
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean expected(RollbackAction.Webhook step, int status) {
        return step.expectedStatus() == null ? status >= 200 && status < 300 : status == step.expectedStatus();
    }

    private static String method(RollbackAction.Webhook step) {
        return step.method() == null ? "POST" : step.method().toUpperCase(Locale.ROOT);
    }

    private boolean pause(int attempt) {
        try {
            Thread.sleep(Math.min(backoff.toMillis() << (attempt - 1), 5_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Duration timeout(PlanDuration planned) {
        return planned == null || planned.value() == null ? DEFAULT_TIMEOUT : planned.value();
    }

    private static String redacted(String url) {
        return url.replaceAll("[?#].*$", "").replaceAll("//[^/@]*@", "//");
    }
}

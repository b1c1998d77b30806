package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.secret.EnvReferences;
import dev.dimmer.validation.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * metric: a PromQL instant query evaluated at the run's instant, passing when the value is at most {@code max} and
 * at least {@code min}. No data and NaN never pass; with several series the worst one decides. The figures hold
 * what an auditor needs to ask again: the query, the instant, the Prometheus and the raw value.
 */
final class MetricCheck {
    private final HttpClient http;
    private final Duration timeout;
    private final UnaryOperator<String> environment;

    MetricCheck(HttpClient http, Duration timeout, UnaryOperator<String> environment) {
        this.http = http;
        this.timeout = timeout;
        this.environment = environment;
    }

    Finding run(ValidationPlan.Metric validation, MigrationPlan plan, Instant now) {
        String base = plan.metrics().prometheus();
        if (base == null || base.isBlank()) {
            throw new ValidationException("the plan has no metrics.prometheus; add metrics: {prometheus: URL} so "
                    + "metric validations know where to ask");
        }
        if (validation.query() == null || validation.query().isBlank()) {
            throw new ValidationException("the metric validation has no query; give it query: with a PromQL "
                    + "expression");
        }
        if (validation.max() == null && validation.min() == null) {
            throw new ValidationException("the metric validation has neither max nor min; give it at least one");
        }
        String where = redacted(base);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("query", validation.query());
        figures.put("evaluated_at", now.toString());
        figures.put("prometheus", where);
        figures.put("max", validation.max());
        figures.put("min", validation.min());
        PrometheusAnswer answer;
        try {
            // ${env:NAME} in the URL (a basic-auth password) is read now; only the redacted URL is ever shown
            answer = ask(EnvReferences.substitute(base, environment, name -> new ValidationException("environment "
                    + "variable " + name + " is not set: export it or remove ${env:" + name + "} from "
                    + "metrics.prometheus")), where, validation.query(), now);
        } catch (ValidationException e) {
            return new Finding(dev.dimmer.api.evidence.CheckStatus.ERRORED, e.getMessage(), figures, Map.of());
        }
        figures.put("series", answer.series().size());
        if (answer.series().isEmpty()) {
            return new Finding(dev.dimmer.api.evidence.CheckStatus.ERRORED, "no data: " + validation.query()
                    + " has no series at " + now + "; an empty result never passes (check the metric's name and "
                    + "labels)", figures, Map.of());
        }
        PrometheusAnswer.Series worst = worst(answer, validation);
        figures.put("value", worst.raw());
        if ("NaN".equals(worst.raw())) {
            return new Finding(dev.dimmer.api.evidence.CheckStatus.ERRORED, validation.query() + " is NaN at " + now
                    + " (often 0/0: no traffic); a NaN never passes", figures, Map.of());
        }
        double value = worst.value();
        figures.put("value_number", Double.isInfinite(value) ? worst.raw() : value);
        if (!worst.labels().isEmpty()) {
            figures.put("worst_series", worst.labels());
        }
        boolean passed = (validation.max() == null || value <= validation.max())
                && (validation.min() == null || value >= validation.min());
        String bounds = (validation.min() == null ? "" : "min " + number(validation.min()))
                + (validation.min() != null && validation.max() != null ? ", " : "")
                + (validation.max() == null ? "" : "max " + number(validation.max()));
        String summary = validation.query() + " = " + worst.raw() + " (" + bounds + ")"
                + (answer.series().size() > 1 ? "; worst of " + answer.series().size() + " series" : "");
        return new Finding(Finding.passedIf(passed), summary, figures, Map.of());
    }

    /** The series furthest on the wrong side of a bound: the highest against a max, the lowest against a min. */
    private static PrometheusAnswer.Series worst(PrometheusAnswer answer, ValidationPlan.Metric validation) {
        PrometheusAnswer.Series highest = null;
        PrometheusAnswer.Series lowest = null;
        for (PrometheusAnswer.Series series : answer.series()) {
            if ("NaN".equals(series.raw())) {
                return series;
            }
            if (highest == null || series.value() > highest.value()) {
                highest = series;
            }
            if (lowest == null || series.value() < lowest.value()) {
                lowest = series;
            }
        }
        if (validation.max() != null && highest.value() > validation.max()) {
            return highest;
        }
        if (validation.min() != null && lowest.value() < validation.min()) {
            return lowest;
        }
        return validation.max() != null ? highest : lowest;
    }

    private PrometheusAnswer ask(String base, String where, String query, Instant now) {
        URI uri;
        String userInfo;
        try {
            URI given = URI.create(base);
            userInfo = given.getRawUserInfo();
            String path = given.getRawPath() == null ? "" : given.getRawPath().replaceAll("/+$", "");
            uri = new URI(given.getScheme() + "://" + given.getRawAuthority().replaceAll("^[^@]*@", "") + path
                    + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&time=" + seconds(now));
        } catch (IllegalArgumentException | java.net.URISyntaxException | NullPointerException e) {
            throw new ValidationException("metrics.prometheus " + where + " is not a URL; give it as "
                    + "http://HOST:PORT");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (userInfo != null) {
            // user info in the URL is sent as basic authentication, never recorded
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ValidationException("Prometheus at " + where + " did not answer within "
                    + Thousands.duration(timeout) + "; check that it is up or raise the timeout");
        } catch (java.net.ConnectException e) {
            throw new ValidationException("cannot reach Prometheus at " + where + ": connection refused; check "
                    + "metrics.prometheus and that Prometheus is up");
        } catch (IOException e) {
            throw new ValidationException("cannot reach Prometheus at " + where + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("")) + "; check metrics.prometheus and that Prometheus is up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationException("the query to Prometheus at " + where + " was interrupted");
        }
        return PrometheusAnswer.read(response.statusCode(), response.body(), where);
    }

    /** The base URL without user info or query, safe to print and to record. */
    static String redacted(String url) {
        return url.replaceAll("[?#].*$", "").replaceAll("//[^/@]*@", "//");
    }

    private static String seconds(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%03d", instant.getNano() / 1_000_000);
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}

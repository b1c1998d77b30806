package dev.dimmer.validation.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.validation.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's answer to an instant query ({@code {status, data: {resultType, result}}}), read as the series it
 * holds: a vector gives one per element, a scalar one without labels. An empty list is "no data", never zero.
 */
record PrometheusAnswer(String resultType, List<Series> series) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series: its labels and its value as Prometheus wrote it ({@code "0.004"}, {@code "NaN"}, {@code "+Inf"}). */
    record Series(Map<String, String> labels, String raw) {
        double value() {
            return switch (raw) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(raw);
            };
        }
    }

    static PrometheusAnswer read(int httpStatus, String body, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ValidationException("Prometheus at " + where + " answered HTTP " + httpStatus + " with no JSON; "
                    + "check that metrics.prometheus is the base URL of a Prometheus (no /api/v1 path)");
        }
        if (root == null || !"success".equals(root.path("status").asText())) {
            String error = root == null ? "" : root.path("errorType").asText("") + ": " + root.path("error").asText("");
            throw new ValidationException("Prometheus at " + where + " refused the query (HTTP " + httpStatus + ", "
                    + oneLine(error) + "); check the PromQL in the metric validation's query");
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        List<Series> series = new ArrayList<>();
        switch (type) {
            case "vector" -> data.path("result").forEach(element -> series.add(
                    new Series(labels(element.path("metric")), element.path("value").path(1).asText())));
            case "scalar" -> series.add(new Series(Map.of(), data.path("result").path(1).asText()));
            default -> throw new ValidationException("Prometheus at " + where + " answered a " + type + ", not a "
                    + "single value per series; give the metric validation a query that yields an instant vector or "
                    + "scalar (no range selector such as [5m] outside a function)");
        }
        return new PrometheusAnswer(type, series);
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        metric.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}

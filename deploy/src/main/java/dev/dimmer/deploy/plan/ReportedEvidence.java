package dev.dimmer.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.plan.render.RecordedEvidence;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A migration's validation report from the server, as the evidence a rendered runbook shows per gate. */
final class ReportedEvidence {
    private ReportedEvidence() {
    }

    static RecordedEvidence of(ApiClient client, String migration) {
        JsonNode report = client.get("/api/migrations/" + URLEncoder.encode(migration, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/validations");
        Map<String, RecordedEvidence.Result> latest = new HashMap<>();
        for (JsonNode wave : report.path("waves")) {
            for (JsonNode v : wave.path("validations")) {
                String status = v.path("status").asText();
                if (status.isBlank() || "never".equals(status) || !v.hasNonNull("at")) {
                    continue;
                }
                RecordedEvidence.Result result = new RecordedEvidence.Result(status, Instant.parse(v.path("at")
                        .asText()), v.path("summary").asText(null));
                latest.merge(v.path("name").asText(), result, (a, b) -> a.at().isAfter(b.at()) ? a : b);
            }
        }
        return new RecordedEvidence(client.base() + " for migration " + migration, Instant.now(), latest);
    }
}

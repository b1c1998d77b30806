package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo's last look, as an operator sees the control plane: readiness and what Prometheus would scrape. */
final class DemoOperations {
    private static final Pattern COMMANDS = Pattern.compile(
            "(?m)^dimmer_commands_total\\{outcome=\"([a-z]+)\",type=\"[A-Za-z]+\"} ([0-9.]+)$");

    private DemoOperations() {
    }

    static void print(ApiClient client, PrintWriter out) {
        JsonNode readiness = client.get("/health/readiness");
        String metrics = client.getText("/metrics", "text/plain");
        long done = 0;
        long refused = 0;
        Matcher line = COMMANDS.matcher(metrics);
        while (line.find()) {
            long count = (long) Double.parseDouble(line.group(2));
            if (line.group(1).equals("done")) {
                done += count;
            } else if (line.group(1).equals("refused")) {
                refused += count;
            }
        }
        out.println();
        out.println("Operations: readiness " + readiness.path("status").asText() + " (" + client.base()
                + "/health/readiness); Prometheus scrapes " + client.base() + "/metrics with a metrics, operator or "
                + "viewer token: " + done + " commands done and " + refused + " refused so far "
                + "(dimmer_commands_total); deploy/grafana and deploy/prometheus hold a dashboard and alert rules");
    }
}

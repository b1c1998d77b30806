package dev.dimmer.plan;

import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.secret.EnvReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans live in git and their contents become events; a secret written into one leaks for good. Passwords are
 * only {@code ${env:NAME}} references, and neither JDBC URLs nor webhook URLs carry credentials or tokens (a token
 * in a URL is written as a reference too). Messages never repeat the secret.
 */
final class SecretsFromEnvironment implements PlanCheck {
    private static final String TOKEN_FIX = "the URL carries a credential or token; write it as a reference such as "
            + "${env:%s} and set that variable where Dimmer runs";

    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        connections(problems, document, "connections", plan.connections(),
                document.root().path("connections"));
        connections(problems, document, "rehearsal.connections", plan.rehearsal().connections(),
                document.root().path("rehearsal").path("connections"));
        List<RollbackAction> steps = new ArrayList<>(plan.rollback().actions());
        steps.addAll(plan.cutover().actions());
        for (int i = 0; i < steps.size(); i++) {
            String path = i < plan.rollback().actions().size() ? "rollback.actions[" + i + "]"
                    : "cutover.actions[" + (i - plan.rollback().actions().size()) + "]";
            if (steps.get(i) instanceof RollbackAction.Webhook webhook) {
                urlWithoutSecrets(problems, document, path + ".url", webhook.url(), "ROLLBACK_WEBHOOK_TOKEN");
            }
        }
        for (int i = 0; i < plan.readiness().dashboards().size(); i++) {
            urlWithoutSecrets(problems, document, "readiness.dashboards[" + i + "]",
                    plan.readiness().dashboards().get(i), "DASHBOARD_TOKEN");
        }
        for (int i = 0; i < plan.readiness().runbooks().size(); i++) {
            urlWithoutSecrets(problems, document, "readiness.runbooks[" + i + "]",
                    plan.readiness().runbooks().get(i), "RUNBOOK_TOKEN");
        }
        urlWithoutSecrets(problems, document, "communication.channel", plan.communication().channel(), "CHANNEL_WEBHOOK_TOKEN");
        urlWithoutSecrets(problems, document, "metrics.prometheus", plan.metrics().prometheus(), "PROMETHEUS_PASSWORD");
        return problems;
    }

    private static void connections(List<PlanProblem> problems, LocatedDocument document, String section,
                                    Map<String, Connection> connections, com.fasterxml.jackson.databind.JsonNode node) {
        for (Map.Entry<String, Connection> entry : new TreeMap<>(connections).entrySet()) {
            String path = section + "." + entry.getKey();
            Connection connection = entry.getValue();
            // a password that is not text at all has already been reported by the schema
            boolean text = node.path(entry.getKey()).path("password").isTextual();
            if (text && !EnvReferences.isReference(connection.password())) {
                problems.add(document.problem(path + ".password", "plain-text password; write a reference such as ${env:"
                        + entry.getKey().toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD} and set that variable where Dimmer runs"));
            }
            String url = connection.jdbcUrl() == null ? "" : connection.jdbcUrl().toLowerCase(Locale.ROOT);
            if (url.contains("password=") || url.matches("^jdbc:[a-z0-9]+://[^/@]*:[^/@]*@.*")
                    || UrlCredentials.carried(url)) {
                problems.add(document.problem(path + ".jdbc_url", "the URL carries credentials; remove them from the URL "
                        + "and give user and password (as ${env:NAME}) separately"));
            }
        }
    }

    private static void urlWithoutSecrets(List<PlanProblem> problems, LocatedDocument document, String path, String url,
                                          String variable) {
        if (UrlCredentials.carried(url)) {
            problems.add(document.problem(path, TOKEN_FIX.formatted(variable)));
        }
    }
}

package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The validation report for people: a table in the terminal, Markdown, or one self-contained HTML page (escaped, no
 * scripts), the artifact a stakeholder reads.
 */
final class ReportText {
    private ReportText() {
    }

    static boolean allPassed(JsonNode report) {
        for (JsonNode wave : report.path("waves")) {
            for (JsonNode v : wave.path("validations")) {
                if (!"passed".equals(v.path("status").asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    static String text(JsonNode report) {
        StringBuilder out = new StringBuilder("validation report of " + report.path("migration").asText() + "\n");
        for (JsonNode wave : report.path("waves")) {
            out.append("wave ").append(wave.path("name").asText()).append('\n');
            if (wave.path("validations").isEmpty()) {
                out.append("  (no validations in the plan for this wave)\n");
                continue;
            }
            TextTable table = new TextTable("", "VALIDATION", "KIND", "STATUS", "AGE", "SUMMARY");
            for (JsonNode v : wave.path("validations")) {
                table.row(mark(v.path("status").asText()), v.path("name").asText(), v.path("kind").asText(),
                        v.path("status").asText(), age(v), v.path("summary").asText(""));
            }
            out.append(table.render("  "));
        }
        return out.toString();
    }

    static String markdown(JsonNode report) {
        StringBuilder out = new StringBuilder("# Validation report: " + md(report.path("migration").asText())
                + "\n\n");
        for (JsonNode wave : report.path("waves")) {
            out.append("## Wave ").append(md(wave.path("name").asText())).append("\n\n");
            out.append("| | Validation | Kind | Status | Age | Summary |\n|---|---|---|---|---|---|\n");
            for (JsonNode v : wave.path("validations")) {
                out.append("| ").append(mark(v.path("status").asText())).append(" | ").append(md(v.path("name")
                        .asText())).append(" | ").append(md(v.path("kind").asText())).append(" | ")
                        .append(v.path("status").asText()).append(" | ").append(age(v)).append(" | ")
                        .append(md(v.path("summary").asText(""))).append(" |\n");
            }
            out.append('\n');
            for (JsonNode v : wave.path("validations")) {
                if (!v.path("figures").isEmpty() || !v.path("differences").isEmpty()) {
                    out.append("**").append(md(v.path("name").asText())).append("**: ")
                            .append(md(figures(v.path("figures")))).append(v.path("differences").isEmpty() ? ""
                                    : "; differences: " + md(v.path("differences").toString())).append("\n\n");
                }
            }
        }
        return out.toString();
    }

    static String html(JsonNode report) {
        String migration = html(report.path("migration").asText());
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Validation report: " + migration + "</title><style>body{font-family:system-ui,sans-serif;"
                + "margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px "
                + "solid #999;padding:.3rem .6rem;text-align:left;vertical-align:top}.passed{color:#0b6e0b}"
                + ".failed{color:#a40000;font-weight:bold}.errored{color:#8a4b00;font-weight:bold}"
                + ".never{color:#555}</style></head><body>\n<h1>Validation report: " + migration + "</h1>\n");
        for (JsonNode wave : report.path("waves")) {
            out.append("<h2>Wave ").append(html(wave.path("name").asText())).append("</h2>\n<table><thead><tr>"
                    + "<th scope=\"col\">Validation</th><th scope=\"col\">Kind</th><th scope=\"col\">Status</th>"
                    + "<th scope=\"col\">Age</th><th scope=\"col\">Summary</th><th scope=\"col\">Figures</th>"
                    + "</tr></thead><tbody>\n");
            for (JsonNode v : wave.path("validations")) {
                String status = v.path("status").asText();
                out.append("<tr><td>").append(html(v.path("name").asText())).append("</td><td>")
                        .append(html(v.path("kind").asText())).append("</td><td class=\"").append(html(status))
                        .append("\">").append(mark(status)).append(' ').append(html(status)).append("</td><td>")
                        .append(age(v)).append("</td><td>").append(html(v.path("summary").asText("")))
                        .append("</td><td>").append(html(figures(v.path("figures"))))
                        .append(v.path("differences").isEmpty() ? "" : "<br>differences: "
                                + html(v.path("differences").toString())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    static String runs(JsonNode history) {
        StringBuilder out = new StringBuilder();
        for (JsonNode run : history.path("runs")) {
            boolean done = !run.path("completed_at").isNull() && !run.path("completed_at").isMissingNode();
            out.append(run.path("run_id").asText()).append("  wave ").append(run.path("wave").asText())
                    .append("  asked by ").append(run.path("requested_by").asText("?")).append(" at ")
                    .append(run.path("requested_at").asText()).append(done ? String.format(
                            "  %d passed, %d failed, %d errored in %s", run.path("passed").asInt(),
                            run.path("failed").asInt(), run.path("errored").asInt(),
                            millis(run.path("duration_ms").asLong())) : "  running").append('\n');
            for (JsonNode r : run.path("results")) {
                out.append("  ").append(mark(r.path("status").asText())).append(' ')
                        .append(r.path("summary").asText(r.path("name").asText())).append('\n');
            }
        }
        return out.length() == 0 ? "no validation runs yet\n" : out.toString();
    }

    static String mark(String status) {
        return switch (status) {
            case "passed" -> "✓";
            case "failed" -> "✗";
            case "errored" -> "!";
            default -> "·";
        };
    }

    private static String age(JsonNode v) {
        if (!v.hasNonNull("age_seconds")) {
            return "never";
        }
        long seconds = v.path("age_seconds").asLong();
        if (seconds < 60) {
            return seconds + "s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m ago";
        }
        return seconds / 86_400 + "d ago";
    }

    private static String figures(JsonNode figures) {
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = figures.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(e.getKey()).append(' ').append(e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().toString());
        }
        return text.toString();
    }

    private static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }

    private static String md(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

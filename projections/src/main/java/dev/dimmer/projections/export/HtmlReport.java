package dev.dimmer.projections.export;

/**
 * An {@link AuditReport} as one self-contained HTML page: inline style, no scripts, no outside resources, and every
 * piece of text from the log escaped, so a reason like {@code <script>} is shown and never run.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em}"
            + "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:3px 6px;"
            + "text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}";

    private HtmlReport() {
    }

    public static String render(AuditReport report) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>Audit report: ").append(escape(report.migration())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>Audit report: ").append(escape(report.migration()))
                .append("</h1>\n<p>Events ").append(escape(MarkdownReport.window(report))).append(": ")
                .append(report.timeline().size()).append("; approvals: ").append(report.approvals().size())
                .append("; rollbacks: ").append(report.rollbacks().size()).append("; refusals: ")
                .append(report.refusals().size()).append(".</p>\n");
        h.append("<h2>Timeline</h2>\n<table><tr><th>Position</th><th>Time</th><th>Wave</th><th>Event</th><th>Actor</th>"
                + "<th>Channel</th><th>Reason</th></tr>\n");
        report.timeline().forEach(l -> {
            h.append("<tr><td class=\"n\">").append(l.position()).append("</td>");
            cells(h, l.time(), l.wave(), l.event(), l.actor(), l.channel(), l.reason());
            h.append("</tr>\n");
        });
        h.append("</table>\n<h2>Approvals</h2>\n");
        if (report.approvals().isEmpty()) {
            h.append("<p>No go/no-go ballots.</p>\n");
        } else {
            h.append("<table><tr><th>Time</th><th>Wave</th><th>Voter</th><th>Vote</th><th>Comment</th><th>Passed</th></tr>\n");
            report.approvals().forEach(a -> row(h, a.time(), a.wave(), a.voter(), a.vote(), a.comment(),
                    a.passed() ? "yes" : "no"));
            h.append("</table>\n");
        }
        h.append("<h2>Rollbacks</h2>\n");
        if (report.rollbacks().isEmpty()) {
            h.append("<p>No rollbacks.</p>\n");
        } else {
            h.append("<table><tr><th>Time</th><th>Wave</th><th>From</th><th>By</th><th>Channel</th><th>Cause</th></tr>\n");
            report.rollbacks().forEach(r -> row(h, r.time(), r.wave(), r.from(), r.actor(), r.channel(), r.cause()));
            h.append("</table>\n");
        }
        h.append("<h2>Refusals</h2>\n");
        if (report.refusals().isEmpty()) {
            h.append("<p>No refusals.</p>\n");
        } else {
            h.append("<table><tr><th>Time</th><th>Wave</th><th>Tried</th><th>By</th><th>Refusal</th><th>Reason</th>"
                    + "<th>Unmet conditions</th></tr>\n");
            for (AuditReport.Refusal r : report.refusals()) {
                h.append("<tr>");
                for (String c : new String[]{r.time(), r.wave(), r.attempted(), r.actor(), r.refusal(), r.reason()}) {
                    h.append("<td>").append(escape(c)).append("</td>");
                }
                h.append("<td><ul>");
                r.unmet().forEach(u -> h.append("<li>").append(escape(u)).append("</li>"));
                h.append("</ul></td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String... cells) {
        h.append("<tr>");
        cells(h, cells);
        h.append("</tr>\n");
    }

    private static void cells(StringBuilder h, String... cells) {
        for (String c : cells) {
            h.append("<td>").append(escape(c)).append("</td>");
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : (text == null ? "" : text).toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}

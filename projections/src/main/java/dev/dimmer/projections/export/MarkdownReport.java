package dev.dimmer.projections.export;

import java.util.List;

/** An {@link AuditReport} as Markdown; cell text is escaped so a reason cannot break the tables. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(AuditReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Audit report: ").append(cell(report.migration())).append("\n\n");
        md.append("Events ").append(window(report)).append(": ").append(report.timeline().size())
                .append("; approvals: ").append(report.approvals().size()).append("; rollbacks: ")
                .append(report.rollbacks().size()).append("; refusals: ").append(report.refusals().size())
                .append(".\n\n");
        md.append("## Timeline\n\n| Position | Time | Wave | Event | Actor | Channel | Reason |\n|---:|---|---|---|---|---|---|\n");
        report.timeline().forEach(l -> row(md, String.valueOf(l.position()), l.time(), l.wave(), l.event(), l.actor(),
                l.channel(), l.reason()));
        md.append("\n## Approvals\n\n");
        if (report.approvals().isEmpty()) {
            md.append("No go/no-go ballots.\n");
        } else {
            md.append("| Time | Wave | Voter | Vote | Comment | Passed |\n|---|---|---|---|---|---|\n");
            report.approvals().forEach(a -> row(md, a.time(), a.wave(), a.voter(), a.vote(), a.comment(),
                    a.passed() ? "yes" : "no"));
        }
        md.append("\n## Rollbacks\n\n");
        if (report.rollbacks().isEmpty()) {
            md.append("No rollbacks.\n");
        } else {
            md.append("| Time | Wave | From | By | Channel | Cause |\n|---|---|---|---|---|---|\n");
            report.rollbacks().forEach(r -> row(md, r.time(), r.wave(), r.from(), r.actor(), r.channel(), r.cause()));
        }
        md.append("\n## Refusals\n\n");
        if (report.refusals().isEmpty()) {
            md.append("No refusals.\n");
        } else {
            md.append("| Time | Wave | Tried | By | Refusal | Reason | Unmet conditions |\n|---|---|---|---|---|---|---|\n");
            report.refusals().forEach(r -> row(md, r.time(), r.wave(), r.attempted(), r.actor(), r.refusal(),
                    r.reason(), String.join("; ", r.unmet())));
        }
        return md.toString();
    }

    static String window(AuditReport report) {
        if (report.from() == null && report.to() == null) {
            return "(whole trail)";
        }
        return "from " + (report.from() == null ? "the start" : report.from()) + " to "
                + (report.to() == null ? "now" : report.to());
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String c : List.of(cells)) {
            md.append(' ').append(cell(c)).append(" |");
        }
        md.append('\n');
    }

    private static String cell(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : (text == null ? "" : text).toCharArray()) {
            switch (ch) {
                case '|' -> out.append("\\|");
                case '\n', '\r' -> out.append(' ');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}

package dev.dimmer.plan.lint;

/** One line per finding, then a count; the form people read in a terminal or CI log. */
final class TextLintReport implements LintReportWriter {
    @Override
    public String write(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (LintFinding finding : report.findings()) {
            out.append(finding.render()).append('\n');
        }
        if (report.findings().isEmpty()) {
            out.append(report.source()).append(": clean, ").append(report.rules().size()).append(" rules checked\n");
        } else {
            out.append(report.source()).append(": ").append(report.count(Severity.ERROR)).append(" error(s), ")
                    .append(report.count(Severity.WARNING)).append(" warning(s), ")
                    .append(report.count(Severity.NOTE)).append(" note(s)\n");
        }
        return out.toString();
    }
}

package dev.dimmer.plan.lint;

/** Writes a lint report in one output format. */
public interface LintReportWriter {
    String write(LintReport report);

    /** The writer for {@code text}, {@code json} or {@code sarif}. */
    static LintReportWriter forFormat(String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> new TextLintReport();
            case "json" -> new JsonLintReport();
            case "sarif" -> new SarifLintReport();
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected one of text, json, sarif");
        };
    }
}

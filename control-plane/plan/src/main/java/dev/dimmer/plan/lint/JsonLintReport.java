package dev.dimmer.plan.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * {@code {"source", "findings": [{"rule", "severity", "line", "column", "path", "message", "fix"}], "summary"}};
 * scripts rely on these names: extend, never rename.
 */
final class JsonLintReport implements LintReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String write(LintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", report.source());
        ArrayNode findings = root.putArray("findings");
        for (LintFinding finding : report.findings()) {
            ObjectNode item = findings.addObject();
            item.put("rule", finding.ruleId());
            item.put("severity", finding.severity().label());
            item.put("line", finding.problem().line());
            item.put("column", finding.problem().column());
            item.put("path", finding.problem().path());
            item.put("message", finding.problem().message());
            item.put("fix", finding.fix());
        }
        ObjectNode summary = root.putObject("summary");
        for (Severity severity : Severity.values()) {
            summary.put(severity.label(), report.count(severity));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

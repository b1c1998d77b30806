package dev.dimmer.plan.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** SARIF 2.1.0, so code hosts and CI can show findings on the plan's lines. */
final class SarifLintReport implements LintReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String write(LintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dimmer plan lint");
        ArrayNode rules = driver.putArray("rules");
        List<LintRule> known = report.rules();
        for (LintRule rule : known) {
            ObjectNode item = rules.addObject();
            item.put("id", rule.id());
            item.putObject("shortDescription").put("text", rule.summary());
            item.putObject("help").put("text", rule.fix());
            item.putObject("defaultConfiguration").put("level", level(rule.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (LintFinding finding : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            int index = indexOf(known, finding.ruleId());
            if (index >= 0) {
                result.put("ruleIndex", index);
            }
            result.put("level", level(finding.severity()));
            result.putObject("message").put("text", finding.problem().message() + "; " + finding.fix());
            ObjectNode location = result.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", finding.problem().source());
            if (finding.problem().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", finding.problem().line());
                region.put("startColumn", finding.problem().column());
            }
            if (!finding.problem().path().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", finding.problem().path());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(List<LintRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}

package dev.dimmer.plan.lint;

import java.util.List;

/** All findings for one plan file, worst first and then in file order. */
public record LintReport(String source, List<LintFinding> findings, List<LintRule> rules) {
    public LintReport {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}

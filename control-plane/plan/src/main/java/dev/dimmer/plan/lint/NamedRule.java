package dev.dimmer.plan.lint;

/** The identity every rule carries; subclasses only say what they check. */
abstract class NamedRule implements LintRule {
    private final String id;
    private final Severity severity;
    private final String summary;
    private final String fix;

    NamedRule(String id, Severity severity, String summary, String fix) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.fix = fix;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String fix() {
        return fix;
    }
}

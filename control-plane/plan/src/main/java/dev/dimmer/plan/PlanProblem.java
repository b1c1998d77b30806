package dev.dimmer.plan;

/**
 * One thing wrong with a plan, where it is and what would be right.
 *
 * @param source the file name (or other source name) the plan was read from
 * @param line   1-based line, 0 when the position is unknown
 * @param column 1-based column, 0 when the position is unknown
 * @param path   the field path, e.g. {@code waves[1].depends_on}; empty for the document itself
 * @param message what is wrong; what would be right
 */
public record PlanProblem(String source, int line, int column, String path, String message) {

    /** The one-line form users see: {@code plan.yaml:12:5: waves[1].depends_on: unknown wave 'ordrs'; ...}. */
    public String render() {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
    }
}

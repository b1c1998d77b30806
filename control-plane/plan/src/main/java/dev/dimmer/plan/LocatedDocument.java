package dev.dimmer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed plan document with the position of every field and list element, keyed by field path
 * ({@code waves[1].depends_on[0]}), so any later check can point at the exact place in the file. Paths in
 * {@code unreadable} held something the reader already reported (a YAML alias); later checks stay quiet about them.
 */
record LocatedDocument(String source, JsonNode root, Map<String, Position> positions, List<PlanProblem> problems,
                       Set<String> unreadable) {
    LocatedDocument {
        positions = Map.copyOf(positions);
        problems = List.copyOf(problems);
        unreadable = Set.copyOf(unreadable);
    }

    /** The position of the path, or of its nearest ancestor that exists (a missing field points at its parent). */
    Position positionOf(String path) {
        String current = path;
        while (true) {
            Position found = positions.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return Position.UNKNOWN;
            }
            current = FieldPath.parent(current);
        }
    }

    PlanProblem problem(String path, String message) {
        return problemAt(path, path, message);
    }

    /** A problem about {@code path} shown at {@code where}, e.g. a list field pointed at its offending element. */
    PlanProblem problemAt(String where, String path, String message) {
        Position at = positionOf(where);
        return new PlanProblem(source, at.line(), at.column(), path, message);
    }
}

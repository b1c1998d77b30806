package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an offline check found, in the shape of the server's verify: intact or not, how many events and checkpoints
 * it checked, every problem with the log position it concerns (-1 for a problem of the file as a whole, as the server
 * says), and notes on what the check does not cover (a proof without its event proves a leaf hash only).
 */
public record Verdict(long events, long checkpoints, List<Problem> problems, List<String> notes) {
    public Verdict {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public Verdict(long events, long checkpoints, List<Problem> problems) {
        this(events, checkpoints, problems, List.of());
    }

    /** One thing wrong; {@code detail} names the file line. */
    public record Problem(Long position, String kind, String detail) {
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    public ObjectNode json() {
        ObjectNode node = new ObjectMapper().createObjectNode().put("intact", intact()).put("events", events)
                .put("checkpoints", checkpoints);
        ArrayNode list = node.putArray("problems");
        for (Problem p : problems) {
            ObjectNode one = list.addObject();
            one.put("position", p.position() == null ? -1 : p.position()).put("kind", p.kind())
                    .put("detail", p.detail());
        }
        if (!notes.isEmpty()) {
            ArrayNode said = node.putArray("notes");
            notes.forEach(said::add);
        }
        return node;
    }
}

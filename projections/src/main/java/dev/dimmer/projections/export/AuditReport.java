package dev.dimmer.projections.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.audit.AuditEntryView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration's audit trail read for people: the timeline, who approved what, every rollback with its cause and
 * every refusal with its reason and the conditions it did not meet. Rendered by {@link MarkdownReport} and
 * {@link HtmlReport}; both read only this, so they say the same things.
 */
public record AuditReport(String migration, String from, String to, List<Line> timeline, List<Approval> approvals,
                          List<Rollback> rollbacks, List<Refusal> refusals) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: when, which wave, what, who, through what, why. */
    public record Line(long position, String time, String wave, String event, String actor, String channel,
                       String reason) {
    }

    /** One go/no-go ballot. */
    public record Approval(String time, String wave, String voter, String vote, String comment, boolean passed) {
    }

    /** A wave sent back to SHADOW: from where, by whom, and the cause given. */
    public record Rollback(String time, String wave, String from, String actor, String channel, String cause) {
    }

    /** A refused command: what was tried, the refusal, the reason given and every unmet condition. */
    public record Refusal(String time, String wave, String attempted, String actor, String refusal, String reason,
                          List<String> unmet) {
    }

    public static AuditReport of(String migration, String from, String to, List<AuditEntryView> entries) {
        List<Line> timeline = new ArrayList<>();
        List<Approval> approvals = new ArrayList<>();
        List<Rollback> rollbacks = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (AuditEntryView e : entries) {
            String time = e.time() == null ? "" : e.time().toString();
            String event = e.type().replace("Event", "");
            timeline.add(new Line(e.position(), time, text(e.wave()), event, text(e.actorName()), text(e.channel()),
                    text(e.reason())));
            JsonNode payload = payload(e.payload());
            switch (e.type()) {
                case "VoteCastEvent" -> approvals.add(new Approval(time, text(e.wave()),
                        payload.path("voterName").asText(text(e.actorName())), payload.path("vote").asText(""),
                        payload.path("comment").asText(""), payload.path("passed").asBoolean()));
                case "WaveRolledBackEvent" -> rollbacks.add(new Rollback(time, text(e.wave()),
                        payload.path("from").asText("") + " " + payload.path("fromWeight").asInt() + "%",
                        text(e.actorName()), text(e.channel()), text(e.reason())));
                case "CommandRefusedEvent" -> {
                    List<String> unmet = new ArrayList<>();
                    payload.path("unmet").forEach(u -> unmet.add(u.path("sentence").asText(u.path("code").asText())));
                    refusals.add(new Refusal(time, text(e.wave()), payload.path("attempted").asText(""),
                            payload.path("actorName").asText(text(e.actorName())), payload.path("refusal").asText(""),
                            payload.path("reason").asText(text(e.reason())), unmet));
                }
                default -> {
                }
            }
        }
        return new AuditReport(migration, from, to, timeline, approvals, rollbacks, refusals);
    }

    private static JsonNode payload(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

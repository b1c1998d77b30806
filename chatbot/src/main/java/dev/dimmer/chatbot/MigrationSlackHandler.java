package dev.dimmer.chatbot;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.Ids;
import jakarta.inject.Singleton;

/** {@code /migration list | status MIGRATION | help}: the status board in Slack, for anyone holding a role. */
@Singleton
public class MigrationSlackHandler {
    static final String HELP = """
            *Dimmer in Slack*
            • `/migration list` – every migration and where its waves stand
            • `/migration status MIGRATION` – one migration's waves, since when and by whom
            • `/gonogo MIGRATION WAVE` – open the go/no-go vote a cutover needs (lead); approvers vote on the card
            • `/cutover MIGRATION WAVE [reason]` – send all of a wave's reads to the target (lead)
            • `/rollback MIGRATION WAVE reason` – return a wave to SHADOW, no reads on the target (lead)""";
    private final SlackActors actors;
    private final StatusLookup status;
    private final RefusalBudget budget;

    public MigrationSlackHandler(SlackActors actors, StatusLookup status, RefusalBudget budget) {
        this.actors = actors;
        this.status = status;
        this.budget = budget;
    }

    public Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        SlashArguments args = SlashArguments.parse(payload.getText(), 2);
        String verb = args.has(1) ? args.word(0) : "help";
        switch (verb) {
            case "list" -> {
                if (actors.actor(payload.getUserId(), null).roles().isEmpty()) {
                    return ctx.ack(noRole(payload));
                }
                try {
                    return ctx.ack(StatusCard.list(status.all()));
                } catch (SlackRefusal refusal) {
                    return ctx.ack(refusal.shown());
                }
            }
            case "status" -> {
                if (!args.has(2)) {
                    return ctx.ack("usage: /migration status MIGRATION (see /migration list)");
                }
                String id = args.word(1);
                if (!Ids.isMigrationId(id)) {
                    return ctx.ack("'" + Ids.shown(id) + "' is not a migration id; /migration list shows them");
                }
                Actor actor = actors.actor(payload.getUserId(), id);
                if (actor.roles().isEmpty()) {
                    return ctx.ack(noRole(payload));
                }
                return status.migration(id).map(view -> ctx.ack(StatusCard.of(view)))
                        .orElseGet(() -> ctx.ack("there is no migration '" + SlackText.escape(id)
                                + "'; /migration list shows them"));
            }
            case "help" -> {
                return ctx.ack(HELP);
            }
            default -> {
                return ctx.ack("unknown subcommand '" + SlackText.escape(SlackText.clip(verb, 40)) + "'; try /migration list, status MIGRATION or help");
            }
        }
    }

    /** The refusal for want of any role, or the slow-down once the sender has been refused too often. */
    private String noRole(SlashCommandPayload payload) {
        try {
            budget.requireOpen(payload.getUserId());
        } catch (SlackRefusal slowDown) {
            return slowDown.shown();
        }
        budget.spend(payload.getUserId());
        return ":no_entry: you (" + SlackText.escape(payload.getUserId()) + ") hold no Dimmer role; ask a lead to "
                + "add you to the plan's owners or to slack_users in dimmer.yml";
    }
}

package dev.dimmer.chatbot;

import dev.dimmer.api.status.MigrationListView;

import dev.dimmer.api.evidence.RequestValidationRunCommand;
import dev.dimmer.api.evidence.ValidationRunAccepted;
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
            • `/migration validate MIGRATION WAVE` – run the wave's validations now (operator or lead); failures \
            are posted with their figures, the run's sum when it ends
            • `/gonogo MIGRATION WAVE` – open the go/no-go vote a cutover needs (lead); approvers vote on the card
            • `/cutover MIGRATION WAVE [reason]` – send all of a wave's reads to the target (lead)
            • `/rollback MIGRATION WAVE reason` – return a wave to SHADOW, no reads on the target (lead)""";
    private final SlackActors actors;
    private final StatusLookup status;
    private final RefusalBudget budget;
    private final SlackCommandSending commands;

    public MigrationSlackHandler(SlackActors actors, StatusLookup status, RefusalBudget budget,
                                 SlackCommandSending commands) {
        this.actors = actors;
        this.status = status;
        this.budget = budget;
        this.commands = commands;
    }

    public Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        SlashArguments args = SlashArguments.parse(payload.getText(), 2);
        String verb = args.has(1) ? args.word(0) : "help";
        switch (verb) {
            case "list" -> {
                boolean everywhere = !actors.actor(payload.getUserId(), null).roles().isEmpty();
                try {
                    MigrationListView all = status.all();
                    // someone without a role of their own sees the migrations whose plans name them as owners
                    MigrationListView shown = everywhere ? all : new MigrationListView(all.migrations().stream()
                            .filter(m -> !actors.actor(payload.getUserId(), m.id()).roles().isEmpty()).toList());
                    if (!everywhere && shown.migrations().isEmpty()) {
                        return ctx.ack(noRole(payload));
                    }
                    return ctx.ack(StatusCard.list(shown));
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
                return status.migration(id).map(view -> ctx.ack(StatusCard.of(view, status.report(id).orElse(null))))
                        .orElseGet(() -> ctx.ack("there is no migration '" + SlackText.escape(id)
                                + "'; /migration list shows them"));
            }
            case "validate" -> {
                return ctx.ack(validate(payload, SlashArguments.parse(payload.getText(), 3)));
            }
            case "help" -> {
                return ctx.ack(HELP);
            }
            default -> {
                return ctx.ack("unknown subcommand '" + SlackText.escape(SlackText.clip(verb, 40)) + "'; try /migration list, status MIGRATION or help");
            }
        }
    }

    /** Starts a run of the wave's validations; the channel hears of failures and of the run's end. */
    private String validate(SlashCommandPayload payload, SlashArguments args) {
        if (!args.has(3)) {
            return "usage: /migration validate MIGRATION WAVE";
        }
        String migration = args.word(1);
        String wave = args.word(2);
        Actor actor = actors.actor(payload.getUserId(), migration);
        String runId = dev.dimmer.api.evidence.RunIds.next(java.time.Clock.systemUTC(), actor.id(), null);
        try {
            ValidationRunAccepted accepted = commands.send(actor, "validation run from Slack",
                    p -> new RequestValidationRunCommand(migration, wave, runId, java.util.List.of(), p));
            return "Validation run " + SlackText.escape(accepted.runId()) + " of wave " + SlackText.escape(wave)
                    + " started: " + accepted.validations().size() + " check(s) ("
                    + SlackText.escape(SlackText.clip(String.join(", ", accepted.validations()), 500)) + ")";
        } catch (SlackRefusal refusal) {
            return refusal.shown();
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
        return ":no_entry: you (" + SlackText.escape(payload.getUserId()) + ") hold no Dimmer role; to get one, ask a "
                + "lead to add your member id " + SlackText.escape(payload.getUserId()) + " to a plan's owners (that "
                + "migration) or to slack_users in dimmer.yml (everywhere), as the README's Slack section shows";
    }
}

package dev.dimmer.chatbot;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveState;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code /cutover MIGRATION WAVE [reason]} and {@code /rollback MIGRATION WAVE reason}: the API's wave commands
 * with the Slack user as actor. Done, the channel sees it; refused, only the sender sees why. A rollback first
 * kills the wave's routing switch, so consumers read the source at once, then rolls the wave back.
 */
@Singleton
public class WaveSlackHandler {
    private final SlackActors actors;
    private final SlackCommandSending commands;
    private final StatusLookup status;

    public WaveSlackHandler(SlackActors actors, SlackCommandSending commands, StatusLookup status) {
        this.actors = actors;
        this.commands = commands;
        this.status = status;
    }

    public Response cutover(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        SlashArguments args = SlashArguments.parse(payload.getText(), 2);
        if (!args.has(2)) {
            return ctx.ack("usage: /cutover MIGRATION WAVE [reason]");
        }
        String reason = args.rest().isBlank() ? "cutover from Slack" : args.rest();
        return act(ctx, payload, args, "cutover", reason,
                p -> new StartCutoverCommand(args.word(0), args.word(1), p));
    }

    public Response rollback(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        SlashArguments args = SlashArguments.parse(payload.getText(), 2);
        if (!args.has(2) || args.rest().isBlank()) {
            return ctx.ack("usage: /rollback MIGRATION WAVE reason (the reason is required)");
        }
        Optional<String> killed;
        try {
            killed = killSwitch(payload, args);
        } catch (SlackRefusal refusal) {
            return ctx.ack(r -> r.responseType("ephemeral").text(refusal.shown()));
        }
        String verb = killed.map(s -> "rollback (switch " + SlackText.escape(s) + " killed first)").orElse("rollback");
        return act(ctx, payload, args, verb, args.rest(), p -> new RollBackWaveCommand(args.word(0), args.word(1), p));
    }

    /** Kills the wave's switch, if its plan names one: consumers read the source before the rollback runs. */
    private Optional<String> killSwitch(SlashCommandPayload payload, SlashArguments args) {
        String migration = args.word(0);
        Optional<String> routingSwitch = status.switchOf(migration, args.word(1));
        if (routingSwitch.isPresent()) {
            Actor actor = actors.actor(payload.getUserId(), migration);
            commands.send(actor, args.rest(), p -> new KillSwitchCommand(migration, routingSwitch.get(), p));
        }
        return routingSwitch;
    }

    private Response act(SlashCommandContext ctx, SlashCommandPayload payload, SlashArguments args, String verb,
                         String reason, java.util.function.Function<dev.dimmer.api.actor.Provenance, dev.dimmer.api.migration.MigrationCommand> command) {
        String migration = args.word(0);
        String wave = args.word(1);
        Actor actor = actors.actor(payload.getUserId(), migration);
        try {
            WaveState state = commands.send(actor, reason, command);
            String text = SlackText.escape(actor.name()) + " ran " + verb + " on wave " + SlackText.escape(wave)
                    + " of " + SlackText.escape(migration) + ": now " + Sentences.phase(state.phase(), state.weight())
                    + " (" + SlackText.quote(reason) + ")";
            return ctx.ack(r -> r.responseType("in_channel").text(text));
        } catch (SlackRefusal refusal) {
            return ctx.ack(r -> r.responseType("ephemeral").text(refusal.shown()));
        }
    }
}

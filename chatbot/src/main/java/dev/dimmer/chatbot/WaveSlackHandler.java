package dev.dimmer.chatbot;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveState;
import jakarta.inject.Singleton;

/**
 * {@code /cutover MIGRATION WAVE [reason]} and {@code /rollback MIGRATION WAVE reason}: the API's wave commands
 * with the Slack user as actor. Done, the channel sees it; refused, only the sender sees why.
 */
@Singleton
public class WaveSlackHandler {
    private final SlackActors actors;
    private final SlackCommandSending commands;

    public WaveSlackHandler(SlackActors actors, SlackCommandSending commands) {
        this.actors = actors;
        this.commands = commands;
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
        return act(ctx, payload, args, "rollback", args.rest(),
                p -> new RollBackWaveCommand(args.word(0), args.word(1), p));
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

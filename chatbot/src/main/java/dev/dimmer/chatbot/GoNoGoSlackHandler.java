package dev.dimmer.chatbot;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.GoNoGoState;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.Vote;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /gonogo MIGRATION WAVE} posts the vote's card; Approve votes at once, Reject asks for the reason in a
 * modal. Each ballot is a domain command; the card is then updated in place with {@code chat.update}.
 */
@Singleton
public class GoNoGoSlackHandler {
    static final String REJECT_MODAL = "gonogo_reject_reason";
    private static final Logger LOG = LoggerFactory.getLogger(GoNoGoSlackHandler.class);
    private final SlackActors actors;
    private final SlackCommandSending commands;
    private final StatusLookup status;

    public GoNoGoSlackHandler(SlackActors actors, SlackCommandSending commands, StatusLookup status) {
        this.actors = actors;
        this.commands = commands;
        this.status = status;
    }

    public Response open(SlashCommandRequest request, SlashCommandContext ctx)
            throws IOException, com.slack.api.methods.SlackApiException {
        SlashCommandPayload payload = request.getPayload();
        SlashArguments args = SlashArguments.parse(payload.getText(), 2);
        if (!args.has(2)) {
            return ctx.ack("usage: /gonogo MIGRATION WAVE [reason]");
        }
        String migration = args.word(0);
        String wave = args.word(1);
        Actor actor = actors.actor(payload.getUserId(), migration);
        String reason = args.rest().isBlank() ? "go/no-go opened in Slack" : args.rest();
        try {
            GoNoGoState state = commands.send(actor, reason,
                    p -> new OpenGoNoGoCommand(migration, wave, p));
            var posted = ctx.client().chatPostMessage(r -> r.channel(payload.getChannelId())
                    .text("Go/no-go: cutover of " + SlackText.escape(wave) + " in " + SlackText.escape(migration))
                    .blocks(GoNoGoCard.of(state, status.migration(migration))));
            if (!posted.isOk()) {
                return ctx.ack("the go/no-go is open, but Slack refused the card (" + SlackText.escape(posted.getError())
                        + "); invite the bot to this channel and run /gonogo again");
            }
            return ctx.ack();
        } catch (SlackRefusal refusal) {
            return ctx.ack(refusal.shown());
        }
    }

    public Response approve(BlockActionRequest request, ActionContext ctx) throws IOException {
        BlockActionPayload payload = request.getPayload();
        String[] target = payload.getActions().get(0).getValue().split(" ", 2);
        vote(ctx, payload.getUser().getId(), target[0], target[1], Vote.APPROVE, "",
                payload.getChannel().getId(), payload.getContainer().getMessageTs());
        return ctx.ack();
    }

    public Response askReason(BlockActionRequest request, ActionContext ctx)
            throws IOException, com.slack.api.methods.SlackApiException {
        BlockActionPayload payload = request.getPayload();
        String target = payload.getActions().get(0).getValue();
        String metadata = target + " " + payload.getChannel().getId() + " " + payload.getContainer().getMessageTs();
        View modal = view(v -> v.type("modal").callbackId(REJECT_MODAL).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Reject the cutover")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId("reason").label(plainText("What must change first?"))
                        .element(plainTextInput(p -> p.actionId("reason").multiline(true)))))));
        var opened = ctx.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(modal));
        if (!opened.isOk()) {
            LOG.warn("views.open failed: {}", opened.getError());
        }
        return ctx.ack();
    }

    public Response reject(ViewSubmissionRequest request, ViewSubmissionContext ctx) throws IOException {
        var payload = request.getPayload();
        String[] target = payload.getView().getPrivateMetadata().split(" ", 4);
        Map<String, Map<String, ViewState.Value>> values = payload.getView().getState().getValues();
        String reason = values.getOrDefault("reason", Map.of()).getOrDefault("reason", new ViewState.Value())
                .getValue();
        if (reason == null || reason.isBlank()) {
            return ctx.ackWithErrors(Map.of("reason", "say what must change before cutover"));
        }
        String refusal = vote(ctx, payload.getUser().getId(), target[0], target[1],
                Vote.REJECT, reason, target[2], target[3]);
        return refusal == null ? ctx.ack() : ctx.ackWithErrors(Map.of("reason", refusal));
    }

    /** Casts the ballot and updates the card; answers the refusal (also sent ephemerally), or null. */
    private String vote(Context ctx, String userId, String migration, String wave, Vote vote,
                        String comment, String channel, String cardTs) throws IOException {
        Actor actor = actors.actor(userId, migration);
        try {
            GoNoGoState state = commands.send(actor, comment.isBlank() ? vote.label() : comment,
                    p -> new CastVoteCommand(migration, wave, vote, comment, p));
            updateCard(ctx, channel, cardTs, state);
            return null;
        } catch (SlackRefusal refusal) {
            postEphemeral(ctx, channel, userId, refusal.shown());
            return refusal.getMessage();
        }
    }

    private void updateCard(Context ctx, String channel, String ts, GoNoGoState state) throws IOException {
        try {
            var updated = ctx.client().chatUpdate(r -> r.channel(channel).ts(ts)
                    .text("Go/no-go: cutover of " + SlackText.escape(state.wave()) + " in "
                            + SlackText.escape(state.migrationId()))
                    .blocks(GoNoGoCard.of(state, status.migration(state.migrationId()))));
            if (!updated.isOk()) {
                LOG.warn("chat.update of the go/no-go card failed: {}", updated.getError());
            }
        } catch (com.slack.api.methods.SlackApiException e) {
            LOG.warn("chat.update of the go/no-go card failed: HTTP {}", e.getResponse().code());
        }
    }

    private static void postEphemeral(Context ctx, String channel, String user, String text) throws IOException {
        try {
            ctx.client().chatPostEphemeral(r -> r.channel(channel).user(user).text(text));
        } catch (com.slack.api.methods.SlackApiException e) {
            LOG.warn("chat.postEphemeral failed: HTTP {}", e.getResponse().code());
        }
    }
}

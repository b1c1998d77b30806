package dev.dimmer.chatbot;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.dimmer.api.migration.BallotView;
import dev.dimmer.api.migration.GoNoGoState;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.WaveStatusView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The go/no-go card: what is decided, the evidence so far, the ballots, and Approve / Reject buttons. Names,
 * comments and plan strings are escaped in mrkdwn; every text stays within Slack's limits.
 */
final class GoNoGoCard {
    static final String APPROVE = "gonogo_approve";
    static final String REJECT = "gonogo_reject";

    private GoNoGoCard() {
    }

    static List<LayoutBlock> of(GoNoGoState state, Optional<MigrationStatusView> status) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.clip("Go/no-go: cutover of " + state.wave(), 150)))));
        blocks.add(section(s -> s.text(markdownText(SlackText.clip("Migration *"
                + SlackText.escape(state.migrationId()) + "*, wave *" + SlackText.escape(state.wave())
                + "*: send all reads to the target?\n" + evidence(state, status) + "\nNeeds "
                + SlackText.escape(String.valueOf(state.quorum())) + ", no rejection; ballots count for "
                + state.expiry() + ".", SlackText.BLOCK_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(SlackText.clip(ballots(state), SlackText.BLOCK_TEXT)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.clip(verdict(state),
                SlackText.BLOCK_TEXT))))));
        String value = state.migrationId() + " " + state.wave();
        blocks.add(actions(a -> a.blockId("gonogo").elements(List.of(
                button(b -> b.actionId(APPROVE).text(plainText("Approve")).style("primary").value(value)),
                button(b -> b.actionId(REJECT).text(plainText("Reject")).style("danger").value(value))))));
        return blocks;
    }

    static String verdict(GoNoGoState state) {
        return state.passed() ? ":white_check_mark: *Passed*: a lead may cut over"
                : ":hourglass: *Not passed*: " + SlackText.escape(String.join("; ", state.missing()));
    }

    private static String evidence(GoNoGoState state, Optional<MigrationStatusView> status) {
        Optional<WaveStatusView> wave = status.flatMap(s -> s.waves().stream()
                .filter(w -> w.name().equals(state.wave())).findFirst());
        return wave.map(w -> "Evidence: " + Sentences.phase(w.phase(), w.weight()) + " since "
                + StatusCard.time(w.since()) + " by " + SlackText.escape(w.by()) + " (audit #"
                + status.get().position() + ")")
                .orElse("Evidence: the status board has not caught up yet");
    }

    private static String ballots(GoNoGoState state) {
        if (state.ballots().isEmpty()) {
            return "_No votes yet._";
        }
        StringBuilder text = new StringBuilder();
        for (BallotView ballot : state.ballots()) {
            text.append(ballot.vote() == Vote.APPROVE ? ":large_green_circle: " : ":red_circle: ")
                    .append(SlackText.escape(ballot.voterName())).append(" ").append(ballot.vote().label())
                    .append(ballot.comment().isBlank() ? "" : ": " + SlackText.quote(ballot.comment()))
                    .append(" (").append(StatusCard.time(ballot.at())).append(")\n");
        }
        return text.toString();
    }
}

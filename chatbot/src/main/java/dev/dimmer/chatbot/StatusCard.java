package dev.dimmer.chatbot;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.WaveStatusView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for a migration's status (the thread's root card, /migration status) and the list of migrations. Plan
 * strings are escaped in mrkdwn and every text is kept within Slack's limits (150 for a header, 3,000 for a section).
 */
final class StatusCard {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private StatusCard() {
    }

    static List<LayoutBlock> of(MigrationStatusView view) {
        return of(view, null);
    }

    /** The card with each wave's evidence: every validation's latest result, when the report is at hand. */
    static List<LayoutBlock> of(MigrationStatusView view, dev.dimmer.api.evidence.ValidationReportView report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.clip(view.title() + " (" + view.id() + ")", 150)))));
        blocks.add(section(s -> s.text(markdownText(SlackText.clip(waves(view), SlackText.BLOCK_TEXT)))));
        String evidence = report == null ? "" : evidence(report);
        if (!evidence.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(SlackText.clip(evidence, SlackText.BLOCK_TEXT)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.clip("*" + view.state() + "* · updated "
                + time(view.updatedAt()) + " by " + SlackText.escape(view.updatedBy()) + " · audit #"
                + view.position(), SlackText.BLOCK_TEXT))))));
        return blocks;
    }

    static String waves(MigrationStatusView view) {
        StringBuilder text = new StringBuilder();
        for (WaveStatusView wave : view.waves()) {
            text.append("• *").append(SlackText.escape(wave.name())).append("* ")
                    .append(Sentences.phase(wave.phase(), wave.weight()))
                    .append(" since ").append(time(wave.since())).append(" by ").append(SlackText.escape(wave.by()));
            if (!wave.dependsOn().isEmpty()) {
                text.append(" (after ").append(SlackText.escape(String.join(", ", wave.dependsOn()))).append(")");
            }
            text.append('\n');
        }
        return text.length() == 0 ? "no waves" : text.toString();
    }

    /** Per wave, each validation's latest result: ✓ passed, ✗ failed, ! errored, · never run, with its age. */
    static String evidence(dev.dimmer.api.evidence.ValidationReportView report) {
        StringBuilder text = new StringBuilder();
        for (var wave : report.waves()) {
            if (wave.validations().isEmpty()) {
                continue;
            }
            text.append("*Evidence, ").append(SlackText.escape(wave.name())).append("*: ");
            List<String> items = new ArrayList<>();
            for (var v : wave.validations()) {
                String mark = switch (v.status()) {
                    case "passed" -> ":white_check_mark:";
                    case "failed" -> ":x:";
                    case "errored" -> ":warning:";
                    default -> ":white_circle:";
                };
                items.add(mark + " " + SlackText.escape(v.name()) + (v.at() == null ? " never run"
                        : " " + v.status() + " " + time(v.at())));
            }
            text.append(String.join(" · ", items)).append('\n');
        }
        return text.toString();
    }

    static List<LayoutBlock> list(MigrationListView list) {
        if (list.migrations().isEmpty()) {
            return List.of(section(s -> s.text(markdownText("No migrations yet; a lead registers one with "
                    + "`dimmer apply plan.yaml`."))));
        }
        StringBuilder text = new StringBuilder("*Migrations*\n");
        for (MigrationStatusView m : list.migrations()) {
            text.append("• *").append(SlackText.escape(m.id())).append("* ")
                    .append(SlackText.escape(SlackText.clip(m.title(), 200))).append(" (").append(m.state())
                    .append("): ");
            m.waves().forEach(w -> text.append(SlackText.escape(w.name())).append(' ')
                    .append(Sentences.phase(w.phase(), w.weight())).append("; "));
            text.append('\n');
        }
        return List.of(section(s -> s.text(markdownText(SlackText.clip(text.toString(), SlackText.BLOCK_TEXT)))));
    }

    static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }
}

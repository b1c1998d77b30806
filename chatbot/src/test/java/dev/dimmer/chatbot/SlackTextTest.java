package dev.dimmer.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackTextTest {
    static final String ATTACK = "<!channel> re-auth at <https://evil.example/login|SSO> & go";

    @Test
    void shouldEscapeWhatSlackDocuments() {
        assertThat(SlackText.escape(ATTACK))
                .isEqualTo("&lt;!channel&gt; re-auth at &lt;https://evil.example/login|SSO&gt; &amp; go");
        assertThat(SlackText.escape(null)).isEmpty();
    }

    @Test
    void shouldCutLongTextWithAnEllipsisButNeverInsideAnEntityOrASurrogatePair() {
        assertThat(SlackText.clip("x".repeat(3_000_000), 3000)).hasSize(3000).endsWith("…");
        String escaped = SlackText.escape("ab<cd");
        assertThat(SlackText.clip(escaped, 5)).isEqualTo("ab…");
        assertThat(SlackText.clip("abc\uD83D\uDE00def", 5)).isEqualTo("abc…");
        assertThat(SlackText.clip("short", 10)).isEqualTo("short");
        assertThat(SlackText.quote("y".repeat(10_000))).hasSize(SlackText.QUOTE);
    }

    @Test
    void shouldEscapeReasonsAndNamesInSentences() {
        String sentence = Sentences.of(new WaveAdvancedEvent("crm", "<!here>", Phase.SHADOW, Phase.CANARY, 10,
                Instant.EPOCH), "<@U0BOSS>", ATTACK, 1);
        assertThat(sentence).doesNotContain("<").doesNotContain(">").contains("&lt;!channel&gt;")
                .contains("Wave &lt;!here&gt;").contains("by &lt;@U0BOSS&gt;");
        assertThat(Sentences.of(new CommandRefusedEvent("crm", "cutover <!channel>", "Eve may not", "U0EVE",
                Instant.EPOCH), "Eve", null, 2)).contains("cutover &lt;!channel&gt;").doesNotContain("<");
    }
}

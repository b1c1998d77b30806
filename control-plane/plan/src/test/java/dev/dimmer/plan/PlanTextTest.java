package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlanTextTest {
    @Test
    void shouldDecodeValidUtf8AsItIs() {
        // when
        PlanText.Decoded decoded = PlanText.decode("plan.yaml", "title: Café ✓\n".getBytes(StandardCharsets.UTF_8));
        // then
        assertThat(decoded.problem()).isNull();
        assertThat(decoded.text()).isEqualTo("title: Café ✓\n");
    }

    @Test
    void cannotDecodeInvalidUtf8AndSaysWhere() {
        // given "ü" written fine, then a lone continuation byte after "Zür" on line 3
        byte[] head = "slug: a\ntitle: Zü\nowner: Zür".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0x80;
        bytes[head.length + 1] = '\n';
        // when
        PlanText.Decoded decoded = PlanText.decode("plan.yaml", bytes);
        // then
        assertThat(decoded.text()).isNull();
        assertThat(decoded.problem().render()).isEqualTo("plan.yaml:3:11: invalid UTF-8 at byte " + head.length
                + " (line 3, column 11): 0x80 is not a UTF-8 character; save the plan as UTF-8");
    }

    @Test
    void cannotLoadPlanBytesThatAreNotUtf8() {
        // when
        PlanLoadResult result = new PlanLoader().load("plan.yaml", new byte[] {'s', 'l', 'u', 'g', ':', ' ', (byte) 0xC3, '('});
        // then
        assertThat(result.valid()).isFalse();
        assertThat(result.rendered()).containsExactly("plan.yaml:1:7: invalid UTF-8 at byte 6 (line 1, column 7): "
                + "0xC3 is not a UTF-8 character; save the plan as UTF-8");
    }
}

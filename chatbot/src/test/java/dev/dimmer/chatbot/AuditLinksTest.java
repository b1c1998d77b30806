package dev.dimmer.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditLinksTest {
    @Test
    void shouldLinkAuditReferencesToTheAuditPageWhenThePagesHaveAnAddress() {
        AuditLinks links = new AuditLinks("https://dimmer.example.com/");
        assertThat(links.linked("Wave customers cut over by Ada (audit #42)", "crm"))
                .isEqualTo("Wave customers cut over by Ada (<https://dimmer.example.com/migrations/crm/audit#e42"
                        + "|audit #42>)");
    }

    @Test
    void shouldLeaveTheTextAsItIsWithoutAnAddress() {
        assertThat(new AuditLinks("").linked("Wave customers cut over (audit #42)", "crm"))
                .isEqualTo("Wave customers cut over (audit #42)");
        assertThat(new AuditLinks("").room()).isZero();
    }
}

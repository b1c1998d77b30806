package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSpecTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("PG_HOST", "db.internal", "PG_PASS", "s3cret",
            "PG_USER", "copier");

    @Test
    void canFillEnvironmentReferencesAndThePasswordVariable() {
        // given
        ConnectionSpec spec = new ConnectionSpec("jdbc:postgresql://${env:PG_HOST}:5432/shop", "${env:PG_USER}",
                "PG_PASS");
        // when
        ResolvedConnection resolved = spec.resolved(ENVIRONMENT::get);
        // then
        assertThat(resolved.url()).isEqualTo("jdbc:postgresql://db.internal:5432/shop");
        assertThat(resolved.user()).isEqualTo("copier");
        assertThat(resolved.password()).isEqualTo("s3cret");
        assertThat(resolved.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldPutReferencesBackInTextThatRepeatsAResolvedValue() {
        // given
        ResolvedConnection resolved = new ConnectionSpec("jdbc:postgresql://${env:PG_HOST}:5432/shop",
                "${env:PG_USER}", "PG_PASS").resolved(ENVIRONMENT::get);
        // when
        String hidden = resolved.secrets().hide("FATAL: password authentication failed for user \"copier\" "
                + "(password s3cret) at db.internal");
        // then
        assertThat(hidden).isEqualTo("FATAL: password authentication failed for user \"${env:PG_USER}\" "
                + "(password ${env:PG_PASS}) at ${env:PG_HOST}");
    }

    @Test
    void cannotResolveAMissingVariableAndNamesIt() {
        // given
        ConnectionSpec spec = new ConnectionSpec("jdbc:mariadb://${env:NOPE}/shop", null, null);
        // when / then
        assertThatThrownBy(() -> spec.resolved(ENVIRONMENT::get)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("NOPE");
    }

    @Test
    void shouldRedactUserInfoAndParametersFromTheUrl() {
        // given
        ConnectionSpec spec = new ConnectionSpec("jdbc:mariadb://root:pw@db:3306/shop?password=pw2", null, null);
        // when
        String shown = spec.redactedUrl();
        // then
        assertThat(shown).isEqualTo("jdbc:mariadb://db:3306/shop");
    }
}

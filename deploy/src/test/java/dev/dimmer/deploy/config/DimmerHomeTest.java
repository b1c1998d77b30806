package dev.dimmer.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DimmerHomeTest {
    @Test
    void shouldPreferDimmerHomeThenTheShellsHome() {
        assertThat(DimmerHome.resolve(Map.of("DIMMER_HOME", "/srv/dimmer", "HOME", "/home/ana")::get).dir())
                .isEqualTo(Path.of("/srv/dimmer"));
        assertThat(DimmerHome.resolve(Map.of("HOME", "/tmp/try")::get).dir()).isEqualTo(Path.of("/tmp/try/.dimmer"));
        assertThat(DimmerHome.resolve(Map.<String, String>of()::get).dir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".dimmer"));
    }
}

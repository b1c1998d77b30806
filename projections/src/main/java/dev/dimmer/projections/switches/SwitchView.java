package dev.dimmer.projections.switches;

import dev.dimmer.api.migration.Phase;
import java.time.Instant;

/**
 * A routing switch as people read it: what it serves ({@code source}, {@code target}, or {@code split} at the
 * weight), why (STATIC, SPLIT, DISABLED), the wave behind it and the log position of its last change.
 */
public record SwitchView(String key, String migration, String wave, Phase phase, int weight, String serves,
                         String reason, boolean killed, boolean aborted, long logPosition, Instant since) {
    public static SwitchView of(String key, WaveSwitch wave) {
        SwitchValue fixed = wave.fixedValue();
        String reason = wave.killed() && !wave.aborted() ? OfrepAnswer.DISABLED
                : fixed == null ? OfrepAnswer.SPLIT : OfrepAnswer.STATIC;
        return new SwitchView(key, wave.migrationId(), wave.wave(), wave.phase(), wave.weight(),
                fixed == null ? "split" : fixed.label(), reason, wave.killed(), wave.aborted(), wave.position(),
                wave.at());
    }
}

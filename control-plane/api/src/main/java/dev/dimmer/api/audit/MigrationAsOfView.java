package dev.dimmer.api.audit;

import dev.dimmer.api.evidence.GateChecklistView;
import dev.dimmer.api.evidence.ValidationReportView;
import dev.dimmer.api.status.WaveStatusView;
import java.time.Instant;
import java.util.List;

/**
 * A migration as the status board showed it at a point of the log, replayed from its events: the fields of
 * {@link dev.dimmer.api.status.MigrationStatusView} in the same shape, the go/no-go votes open then, each wave's
 * gate checklist (its next transition as the rules judged it then, as {@code GET .../waves/{wave}/gate} shows it
 * now), the validation report as it stood (as {@code GET .../validations}), and where the replay stopped.
 */
public record MigrationAsOfView(String id, String title, String state, Instant updatedAt, String updatedBy,
                                long position, long version, List<WaveStatusView> waves,
                                List<GoNoGoAsOfView> goNoGo, List<GateChecklistView> gates,
                                ValidationReportView validationReport, AsOfView asOf) {
    public MigrationAsOfView {
        waves = List.copyOf(waves);
        goNoGo = List.copyOf(goNoGo);
        gates = List.copyOf(gates);
    }
}

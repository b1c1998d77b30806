package dev.dimmer.projections.switches;

import dev.dimmer.api.status.FindWaveSwitchQuery;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;

/** Answers from this node's switch board, without the database. */
@Singleton
public class SwitchQueries {
    private final SwitchBoard board;

    public SwitchQueries(SwitchBoard board) {
        this.board = board;
    }

    @QueryHandler
    public Optional<String> handle(FindWaveSwitchQuery query) {
        return board.served().byKey().values().stream()
                .filter(w -> w.migrationId().equals(query.migrationId()) && w.wave().equals(query.wave()))
                .map(WaveSwitch::routingSwitch).findFirst();
    }
}

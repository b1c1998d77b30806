package dev.dimmer.projections.web;

import dev.dimmer.api.migration.Ids;
import dev.dimmer.projections.switches.ServedSwitches;
import dev.dimmer.projections.switches.SwitchBoard;
import dev.dimmer.projections.switches.SwitchView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The routing switches for people: every switch this node serves, or one migration's. */
@Controller("/api/switches")
final class SwitchesController {
    private final SwitchBoard board;

    SwitchesController(SwitchBoard board) {
        this.board = board;
    }

    @Get
    Map<String, Object> list(HttpRequest<?> request, @Nullable @QueryValue String migration) {
        Readers.require(request);
        if (migration != null) {
            Ids.requireMigrationId(migration);
        }
        ServedSwitches served = board.served();
        List<SwitchView> switches = served.byKey().entrySet().stream()
                .filter(e -> migration == null || e.getValue().migrationId().equals(migration))
                .map(e -> SwitchView.of(e.getKey(), e.getValue())).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("switches", switches);
        answer.put("version", served.version());
        answer.put("log_position", served.logPosition());
        return answer;
    }
}

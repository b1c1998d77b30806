package dev.dimmer.core.migration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.evidence.ValidationResultEvent;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the migration has on record as evidence: each validation's latest result, how many times in a row it
 * errored, the runs still waiting for results, and the ids of the most recent completed runs (so a runner that
 * resumes after a crash never records a result twice). Changed only by event sourcing handlers.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class Evidence {
    // enough to recognise any retry of a recent run; older run ids are refused as unknown
    static final int REMEMBERED_RUNS = 1000;
    private Map<String, Latest> latest = new LinkedHashMap<>();
    private Map<String, Integer> erroredInARow = new LinkedHashMap<>();
    private Map<String, OpenRun> open = new LinkedHashMap<>();
    private LinkedHashSet<String> completed = new LinkedHashSet<>();

    /** A validation's latest result as the gate reads it. */
    record Latest(String runId, String wave, CheckStatus status, String summary, Instant at) {
    }

    /** A run waiting for results: the validations asked for and those already recorded, in order. */
    record OpenRun(String wave, List<String> validations, List<String> recorded, Instant requestedAt,
                   int passed, int failed, int errored) {
        OpenRun {
            validations = List.copyOf(validations);
            recorded = List.copyOf(recorded);
        }

        OpenRun with(String validation, CheckStatus status) {
            List<String> more = new ArrayList<>(recorded);
            more.add(validation);
            return new OpenRun(wave, validations, more, requestedAt, passed + (status == CheckStatus.PASSED ? 1 : 0),
                    failed + (status == CheckStatus.FAILED ? 1 : 0),
                    errored + (status == CheckStatus.ERRORED ? 1 : 0));
        }

        boolean complete() {
            return recorded.containsAll(validations);
        }
    }

    Optional<Latest> latest(String validation) {
        return Optional.ofNullable(latest.get(validation));
    }

    int erroredInARow(String validation) {
        return erroredInARow.getOrDefault(validation, 0);
    }

    Optional<OpenRun> open(String runId) {
        return Optional.ofNullable(open.get(runId));
    }

    /** The validations of the wave that have a run open now. */
    List<String> running(String wave) {
        return open.values().stream().filter(run -> run.wave().equals(wave))
                .flatMap(run -> run.validations().stream().filter(v -> !run.recorded().contains(v))).toList();
    }

    boolean known(String runId) {
        return open.containsKey(runId) || completed.contains(runId);
    }

    boolean isCompleted(String runId) {
        return completed.contains(runId);
    }

    void requested(ValidationRunRequestedEvent event) {
        open.put(event.runId(), new OpenRun(event.wave(), event.validations(), List.of(), event.at(), 0, 0, 0));
    }

    void recorded(ValidationResultEvent event) {
        latest.put(event.validation(), new Latest(event.runId(), event.wave(), event.status(), event.summary(),
                event.at()));
        erroredInARow.put(event.validation(), event.status() == CheckStatus.ERRORED
                ? erroredInARow(event.validation()) + 1 : 0);
        OpenRun run = open.get(event.runId());
        if (run != null) {
            open.put(event.runId(), run.with(event.validation(), event.status()));
        }
    }

    void complete(String runId) {
        open.remove(runId);
        completed.add(runId);
        Iterator<String> oldest = completed.iterator();
        while (completed.size() > REMEMBERED_RUNS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e && e.latest.equals(latest) && e.erroredInARow.equals(erroredInARow)
                && e.open.equals(open) && List.copyOf(e.completed).equals(List.copyOf(completed));
    }

    @Override
    public int hashCode() {
        return Objects.hash(latest, erroredInARow, open, completed);
    }
}

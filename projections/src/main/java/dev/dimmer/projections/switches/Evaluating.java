package dev.dimmer.projections.switches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A switch's answer for one evaluation context: {@code source} before CANARY, after a rollback, an abort or a kill
 * (reason DISABLED); {@code target} from CUTOVER on (STATIC); in CANARY at n %, {@code target} for the keys whose
 * bucket is below n (SPLIT), which needs a targeting key. Pure: every node with the same board answers the same.
 */
public final class Evaluating {
    private Evaluating() {
    }

    public static OfrepAnswer one(ServedSwitches served, String key, String targetingKey) {
        WaveSwitch wave = served.byKey().get(key);
        if (wave == null) {
            return OfrepAnswer.error(key, OfrepAnswer.FLAG_NOT_FOUND, "no routing switch '" + shown(key)
                    + "'; list them with dimmer switches (GET /api/switches)");
        }
        Map<String, Object> metadata = metadata(wave);
        if (wave.killed() && !wave.aborted()) {
            return OfrepAnswer.success(key, SwitchValue.SOURCE, OfrepAnswer.DISABLED, metadata);
        }
        SwitchValue fixed = wave.fixedValue();
        if (fixed != null) {
            return OfrepAnswer.success(key, fixed, OfrepAnswer.STATIC, metadata);
        }
        if (targetingKey == null || targetingKey.isEmpty()) {
            return new OfrepAnswer(key, null, null, null, OfrepAnswer.TARGETING_KEY_MISSING, "switch '" + key
                    + "' is in CANARY at " + wave.weight() + "%: send context.targetingKey (a stable id of the "
                    + "reader, e.g. a customer or job id) so the split is sticky", metadata);
        }
        return split(key, wave, Bucketing.onTarget(key, targetingKey, wave.weight()) ? SwitchValue.TARGET
                : SwitchValue.SOURCE);
    }

    /** A CANARY switch's answer for a key on that side of the split. */
    static OfrepAnswer split(String key, WaveSwitch wave, SwitchValue value) {
        return OfrepAnswer.success(key, value, OfrepAnswer.SPLIT, metadata(wave));
    }

    public static List<OfrepAnswer> all(ServedSwitches served, String targetingKey) {
        List<OfrepAnswer> answers = new ArrayList<>(served.byKey().size());
        for (String key : served.byKey().keySet()) {
            answers.add(one(served, key, targetingKey));
        }
        return answers;
    }

    static Map<String, Object> metadata(WaveSwitch wave) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("migration", wave.migrationId());
        metadata.put("wave", wave.wave());
        metadata.put("phase", wave.phase().name());
        metadata.put("weight", wave.weight());
        metadata.put("killed", wave.killed());
        metadata.put("aborted", wave.aborted());
        metadata.put("logPosition", wave.position());
        return metadata;
    }

    private static String shown(String key) {
        return dev.dimmer.api.migration.Ids.shown(key);
    }
}

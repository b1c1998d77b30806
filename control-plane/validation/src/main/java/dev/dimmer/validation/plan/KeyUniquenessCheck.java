package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.CheckingKeyUniqueness;
import dev.dimmer.validation.KeyUniquenessResult;
import dev.dimmer.validation.ReadingTableShape;
import dev.dimmer.validation.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pk_uniqueness: the dataset's key columns (the source's primary key when the plan names none) are unique and never
 * NULL on the target, where a copy without the constraint can break them. Up to 20 duplicated keys are named.
 */
final class KeyUniquenessCheck {
    Finding run(ValidationPlan.PkUniqueness validation, PlannedDataset dataset, CheckSides sides) {
        List<String> key = dataset.keyColumns();
        if (key.isEmpty()) {
            key = new ReadingTableShape().read(sides.source(), dataset.table()).primaryKey();
            if (key.isEmpty()) {
                throw new ValidationException("dataset '" + dataset.name() + "' names no key_columns and "
                        + dataset.table() + " has no primary key on the source; give the dataset key_columns");
            }
        }
        KeyUniquenessResult result = new CheckingKeyUniqueness().check(sides.target(), dataset.table(), key, null,
                ChecksumCheck.LISTED);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("key_columns", key);
        figures.put("duplicated_keys", result.duplicatedKeys());
        figures.put("null_keys", result.nullKeys());
        Map<String, Object> differences = new LinkedHashMap<>();
        if (!result.examples().isEmpty()) {
            HiddenKeys keys = new HiddenKeys(false);
            List<Object> duplicated = new ArrayList<>();
            result.examples().forEach(example -> duplicated.add(keys.name(example)));
            differences.put("duplicated", duplicated);
        }
        String summary = result.passed() ? "the key (" + String.join(", ", key) + ") is unique and never null on "
                + "the target" : Thousands.of(result.duplicatedKeys()) + " duplicated "
                + (result.duplicatedKeys() == 1 ? "key" : "keys") + " and " + Thousands.of(result.nullKeys())
                + " rows with a null key (" + String.join(", ", key) + ") on the target";
        return new Finding(Finding.passedIf(result.passed()), summary, figures, differences);
    }
}

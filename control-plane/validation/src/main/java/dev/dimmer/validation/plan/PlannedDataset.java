package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.validation.TableRef;
import dev.dimmer.validation.ValidationException;
import java.util.List;

/** The inventory dataset a validation compares: its table (the same name on both sides) and its key columns. */
record PlannedDataset(String name, TableRef table, List<String> keyColumns) {
    static PlannedDataset of(MigrationPlan plan, ValidationPlan validation) {
        String name = validation.dataset();
        if (name == null || name.isBlank()) {
            throw new ValidationException("the " + validation.kind() + " validation names no dataset; give it "
                    + "dataset: with a name from inventory.datasets");
        }
        Dataset dataset = plan.inventory().datasets().stream().filter(d -> d != null && name.equals(d.name()))
                .findFirst().orElseThrow(() -> new ValidationException("dataset '" + name + "' is not in "
                        + "inventory.datasets; declare it with its table"));
        if (dataset.table() == null || dataset.table().isBlank()) {
            throw new ValidationException("dataset '" + name + "' has no table; give it table: SCHEMA.TABLE in "
                    + "inventory.datasets");
        }
        return new PlannedDataset(name, TableRef.parse(dataset.table()), dataset.keyColumns());
    }
}

package dev.dimmer.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dimmer.api.plan.Percent;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.ValidationPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Describes changes inside a plan by walking its records, naming each field as the YAML does
 * ({@code rollback.retention changed: '7d' → '14d'}, {@code gate go-no-go: approvals approver count changed: 2 → 1}).
 * Walking the records keeps the diff complete when the format grows. Items of a list are matched by name where
 * they have one and by position otherwise; a position is shown as the item's first field when that reads well.
 */
final class SectionDiff {
    private static final Map<String, String> WORDING = Map.of("canary_steps", "canary steps");
    private static final int LABEL_LENGTH = 40;

    private SectionDiff() {
    }

    static void record(List<String> changes, String path, Record before, Record after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before == null || after == null) {
            changes.add(path.strip() + (before == null ? " added" : " removed"));
            return;
        }
        if (before.getClass() != after.getClass()) {
            // another kind of validation or rollback step: say so, then compare the fields both kinds have
            Changes.value(changes, join(path, "kind"), kind(before), kind(after));
        }
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            value(changes, join(path, yamlName(component)), read(component, before), read(component.getName(), after));
        }
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            if (!has(before, component.getName())) {
                value(changes, join(path, yamlName(component)), null, read(component, after));
            }
        }
    }

    /** A duration or percentage as the plan writes it: it changes when its text does. */
    private static Object written(Object value) {
        return value instanceof PlanDuration || value instanceof Percent ? value.toString() : value;
    }

    private static String kind(Record item) {
        if (item instanceof ValidationPlan validation) {
            return validation.kind();
        }
        return item instanceof RollbackAction action ? action.kind() : item.getClass().getSimpleName();
    }

    private static boolean has(Record record, String name) {
        return Stream.of(record.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(name));
    }

    /** A field of a record of another kind, null when that kind has no such field. */
    private static Object read(String name, Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return read(component, record);
            }
        }
        return null;
    }

    static void value(List<String> changes, String path, Object beforeValue, Object afterValue) {
        Object before = written(beforeValue);
        Object after = written(afterValue);
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof Record || after instanceof Record) {
            record(changes, path, (Record) before, (Record) after);
        } else if (before instanceof Map<?, ?> old && after instanceof Map<?, ?> now) {
            TreeSet<String> keys = new TreeSet<>();
            old.keySet().forEach(k -> keys.add(String.valueOf(k)));
            now.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String key : keys) {
                value(changes, join(path, key), old.get(key), now.get(key));
            }
        } else if (before instanceof List<?> old && after instanceof List<?> now && records(old, now)) {
            if (keyed(old, now, "name")) {
                namedItems(changes, path, old, now);
            } else {
                positionalItems(changes, path, old, now);
            }
        } else if (before instanceof List<?> old && after instanceof List<?> now) {
            Changes.list(changes, path, old.stream().map(SectionDiff::plain).toList(),
                    now.stream().map(SectionDiff::plain).toList());
        } else {
            Changes.value(changes, path, plain(before), plain(after));
        }
    }

    /** Items with a unique name: {@code validation orders-fresh removed}, {@code gate go-no-go: expires ...}. */
    private static void namedItems(List<String> changes, String path, List<?> before, List<?> after) {
        String kind = context(path) + singular(lastWord(path)) + " ";
        for (Object old : before) {
            Optional<?> now = after.stream().filter(o -> Objects.equals(name(o), name(old))).findFirst();
            if (now.isEmpty()) {
                changes.add(kind + name(old) + " removed");
            } else {
                record(changes, kind + name(old) + ": ", (Record) old, (Record) now.get());
            }
        }
        for (Object added : after) {
            if (before.stream().noneMatch(o -> Objects.equals(name(o), name(added)))) {
                changes.add(kind + name(added) + " added");
            }
        }
        List<String> orderBefore = before.stream().map(SectionDiff::name)
                .filter(n -> after.stream().anyMatch(o -> name(o).equals(n))).toList();
        List<String> orderAfter = after.stream().map(SectionDiff::name)
                .filter(n -> before.stream().anyMatch(o -> name(o).equals(n))).toList();
        if (!orderBefore.equals(orderAfter)) {
            changes.add(kind + "order " + String.join(", ", orderBefore) + " → " + String.join(", ", orderAfter));
        }
    }

    /** Items without a name, by position: {@code rollback.actions[2] url changed: ...}, {@code approvals lead count ...}. */
    private static void positionalItems(List<String> changes, String path, List<?> before, List<?> after) {
        List<String> labels = before.stream().map(SectionDiff::label).toList();
        boolean labelsUnique = labels.stream().allMatch(Objects::nonNull) && new HashSet<>(labels).size() == labels.size();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            Object old = i < before.size() ? before.get(i) : null;
            Object now = i < after.size() ? after.get(i) : null;
            if (Objects.equals(old, now)) {
                continue;
            }
            String item = FieldPath.element(path, i);
            if (old == null || now == null) {
                String label = label(old == null ? now : old);
                changes.add(item + (old == null ? " added" : " removed") + (label == null ? "" : ": " + label));
            } else if (labelsUnique && Objects.equals(label(old), label(now))) {
                record(changes, path + " " + label(old) + " ", (Record) old, (Record) now);
            } else {
                record(changes, item + " ", (Record) old, (Record) now);
            }
        }
    }

    /** Field paths, except after an item's own label ("dataset orders: "), where the field follows directly. */
    private static String join(String path, String name) {
        String word = WORDING.getOrDefault(name, name);
        return path.endsWith(" ") ? path + word : FieldPath.field(path, word);
    }

    /** The item a path lies in ("gate go-no-go: "), so that a list inside an item keeps its owner's name. */
    private static String context(String path) {
        int cut = path.lastIndexOf(": ");
        return cut < 0 ? "" : path.substring(0, cut + 2);
    }

    private static String lastWord(String path) {
        String[] words = path.split("[ .]");
        return words[words.length - 1];
    }

    private static String singular(String word) {
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static boolean records(List<?> before, List<?> after) {
        return Stream.concat(before.stream(), after.stream()).anyMatch(o -> o instanceof Record)
                && Stream.concat(before.stream(), after.stream()).allMatch(o -> o == null || o instanceof Record);
    }

    private static boolean keyed(List<?> before, List<?> after, String key) {
        return unique(before, key) && unique(after, key);
    }

    private static boolean unique(List<?> items, String key) {
        List<String> names = items.stream().map(o -> component(o, key)).toList();
        return names.stream().allMatch(Objects::nonNull) && new HashSet<>(names).size() == names.size();
    }

    private static String name(Object item) {
        return component(item, "name");
    }

    private static String component(Object item, String key) {
        if (!(item instanceof Record record)) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(key)) {
                Object value = read(component, record);
                return value == null ? null : String.valueOf(plain(value));
            }
        }
        return null;
    }

    /** An item in one short phrase: its first field (an approval's role, a risk's text, a step's kind), when that is plain text. */
    private static String label(Object item) {
        if (!(item instanceof Record record) || record.getClass().getRecordComponents().length == 0) {
            return null;
        }
        // a rollback step is known by its kind, the field the format lists first
        Object first = record instanceof RollbackAction action ? action.kind()
                : plain(read(record.getClass().getRecordComponents()[0], record));
        if (!(first instanceof String text) || text.isBlank()) {
            return null;
        }
        String shortened = text;
        if (text.length() > LABEL_LENGTH) {
            String cut = text.substring(0, LABEL_LENGTH);
            shortened = (cut.lastIndexOf(' ') > 0 ? cut.substring(0, cut.lastIndexOf(' ')) : cut) + "…";
        }
        return shortened.contains(" ") ? "'" + shortened + "'" : shortened;
    }

    /** Enums as the YAML writes them ({@code approver}), everything else as it is. */
    private static Object plain(Object value) {
        return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT) : value;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a plan record", e);
        }
    }

    static String yamlName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed != null && !renamed.value().isEmpty()) {
            return renamed.value();
        }
        return component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}

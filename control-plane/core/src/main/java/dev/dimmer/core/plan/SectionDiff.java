package dev.dimmer.core.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Describes changes inside the plan's sections by walking the plan records, naming each field as the YAML does
 * ({@code rollback.retention changed: '7d' → '14d'}). Walking the records keeps the diff complete when the format
 * grows; only waves and owners have hand-written wording.
 */
final class SectionDiff {
    private SectionDiff() {
    }

    static void record(List<String> changes, String path, Record before, Record after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before == null || after == null) {
            changes.add(path + (before == null ? " added" : " removed"));
            return;
        }
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            value(changes, join(path, yamlName(component)), read(component, before), read(component, after));
        }
    }

    static void value(List<String> changes, String path, Object before, Object after) {
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
        } else if (before instanceof List<?> old && after instanceof List<?> now && named(old, now)) {
            namedList(changes, path, old, now);
        } else if (before instanceof List<?> old && after instanceof List<?> now) {
            Changes.list(changes, path, old.stream().map(SectionDiff::label).toList(), now.stream().map(SectionDiff::label).toList());
        } else {
            Changes.value(changes, path, before, after);
        }
    }

    private static void namedList(List<String> changes, String path, List<?> before, List<?> after) {
        String kind = path.substring(path.lastIndexOf('.') + 1).replaceAll("s$", "");
        for (Object old : before) {
            Optional<?> now = after.stream().filter(o -> Objects.equals(name(o), name(old))).findFirst();
            if (now.isEmpty()) {
                changes.add(kind + " " + name(old) + " removed");
            } else {
                record(changes, kind + " " + name(old) + ": ", (Record) old, (Record) now.get());
            }
        }
        for (Object added : after) {
            if (before.stream().noneMatch(o -> Objects.equals(name(o), name(added)))) {
                changes.add(kind + " " + name(added) + " added");
            }
        }
    }

    /** Field paths, except after an item's own label ("dataset orders: "), where the field follows directly. */
    private static String join(String path, String name) {
        return path.endsWith(": ") ? path + name : FieldPath.field(path, name);
    }

    private static boolean named(List<?> before, List<?> after) {
        return java.util.stream.Stream.concat(before.stream(), after.stream())
                .allMatch(o -> o instanceof Record && name(o) != null);
    }

    private static String name(Object item) {
        if (!(item instanceof Record record)) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals("name")) {
                return String.valueOf(read(component, record));
            }
        }
        return null;
    }

    /** A list element in one short phrase: a record's first field (a risk's text, a cap's name), or the value. */
    private static String label(Object item) {
        if (item instanceof Record record && record.getClass().getRecordComponents().length > 0) {
            return String.valueOf(read(record.getClass().getRecordComponents()[0], record));
        }
        return String.valueOf(item);
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

package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Percent;
import dev.dimmer.api.plan.PlanDuration;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changes every leaf of every example plan, one at a time, and adds and removes an item of every list: each change
 * must give a line that names the field (or shows the new value). A field added to the plan format is covered
 * without touching this test.
 */
class PlanDiffCompletenessTest {
    private static final PlanLoader LOADER = new PlanLoader();

    static Stream<Arguments> mutations() {
        List<Arguments> all = new ArrayList<>();
        for (Path file : ExamplePlans.all()) {
            MigrationPlan plan = LOADER.load(file.toString(), ExamplePlans.text(file.getFileName().toString())).plan();
            for (Mutation mutation : mutationsOf(plan, "plan")) {
                all.add(Arguments.of(file.getFileName() + " " + mutation.where(), plan, mutation));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void shouldDescribeEveryChangeToAnyField(String name, MigrationPlan plan, Mutation mutation) {
        List<String> changes = PlanDiff.describe(plan, (MigrationPlan) mutation.value());

        assertThat(changes).as(mutation.where()).isNotEmpty();
        assertThat(changes).as(mutation.where()).anySatisfy(line -> assertThat(
                line.replace(' ', '_').contains(mutation.field()) || line.contains(mutation.shown())).isTrue());
        assertThat(PlanDiff.describe((MigrationPlan) mutation.value(), plan)).as("reversed " + mutation.where()).isNotEmpty();
    }

    /** A copy of a value with one thing changed: where, the word a change line must hold, the new text. */
    record Mutation(String where, String field, String shown, Object value) {
    }

    private static List<Mutation> mutationsOf(Object value, String field) {
        return mutationsOf(value, value == null ? Object.class : value.getClass(), field, field);
    }

    private static List<Mutation> mutationsOf(Object value, Class<?> type, String field, String where) {
        List<Mutation> out = new ArrayList<>();
        if (type == PlanDuration.class || value instanceof PlanDuration) {
            String changed = value == null ? "1s" : value + "1s";
            out.add(new Mutation(where, field, changed, PlanDuration.of(changed)));
        } else if (type == Percent.class || value instanceof Percent) {
            String changed = value == null ? "1%" : "1" + value;
            out.add(new Mutation(where, field, changed, Percent.of(changed)));
        } else if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                String name = SectionDiff.yamlName(components[i]);
                for (Mutation m : mutationsOf(read(components[i], record), components[i].getType(), name, where + "." + name)) {
                    out.add(new Mutation(m.where(), m.field(), m.shown(), rebuild(record, i, m.value())));
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                boolean scalar = !(item instanceof Record);
                for (Mutation m : mutationsOf(item, item == null ? Object.class : item.getClass(), field, where + "[" + i + "]")) {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(i, m.value());
                    out.add(new Mutation(m.where(), scalar ? field : m.field(), m.shown(), copy));
                }
            }
            if (!list.isEmpty()) {
                List<Object> shorter = new ArrayList<>(list.subList(0, list.size() - 1));
                out.add(new Mutation(where + " less one", singular(field), "removed", shorter));
                List<Mutation> changedFirst = mutationsOf(list.get(0), list.get(0).getClass(), field, where);
                List<Object> longer = new ArrayList<>(list);
                longer.add(changedFirst.isEmpty() ? list.get(0) : changedFirst.get(0).value());
                out.add(new Mutation(where + " one more", singular(field), "added", longer));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                for (Mutation m : mutationsOf(map.get(key), map.get(key).getClass(), String.valueOf(key), where + "." + key)) {
                    Map<Object, Object> copy = new LinkedHashMap<>(map);
                    copy.put(key, m.value());
                    out.add(new Mutation(m.where(), m.field(), m.shown(), copy));
                }
            }
        } else if (type == String.class) {
            String changed = value == null ? "set-by-test" : value + "-changed";
            out.add(new Mutation(where, field, changed, changed));
        } else if (type == int.class || type == Integer.class) {
            int changed = value == null ? 1 : (Integer) value + 1;
            out.add(new Mutation(where, field, String.valueOf(changed), changed));
        } else if (type == boolean.class || type == Boolean.class) {
            boolean changed = value == null || !(Boolean) value;
            out.add(new Mutation(where, field, String.valueOf(changed), changed));
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            int next = value == null ? 0 : (((Enum<?>) value).ordinal() + 1) % constants.length;
            out.add(new Mutation(where, field, constants[next].toString().toLowerCase(), constants[next]));
        }
        return out;
    }

    private static String singular(String word) {
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Record rebuild(Record record, int index, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = i == index ? value : read(components[i], record);
        }
        try {
            return (Record) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
        }
    }
}

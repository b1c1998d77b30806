package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** The plan format's word for a kind is the name its record has in the sealed type's {@link JsonSubTypes}. */
final class Kinds {
    private Kinds() {
    }

    static String of(Class<?> sealedType, Object item) {
        for (JsonSubTypes.Type type : sealedType.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == item.getClass()) {
                return type.name();
            }
        }
        throw new IllegalStateException(item.getClass() + " is not listed in " + sealedType.getSimpleName());
    }
}

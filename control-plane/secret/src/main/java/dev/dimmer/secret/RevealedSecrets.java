package dev.dimmer.secret;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secret values resolved for one use, each with the reference it came from. Databases and drivers repeat what
 * they were given in their errors ({@code password authentication failed for user "..."}); {@link #hide} puts the
 * reference back before any such text is shown or logged.
 */
public final class RevealedSecrets {
    public static final RevealedSecrets NONE = new RevealedSecrets(Map.of());

    private final Map<String, String> referenceByValue;

    private RevealedSecrets(Map<String, String> referenceByValue) {
        this.referenceByValue = referenceByValue;
    }

    /** Records that {@code value} was read from {@code reference}; empty values give nothing away. */
    public RevealedSecrets with(String value, String reference) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(referenceByValue);
        more.put(value, reference);
        return new RevealedSecrets(Map.copyOf(more));
    }

    public RevealedSecrets and(RevealedSecrets other) {
        RevealedSecrets all = this;
        for (Map.Entry<String, String> entry : other.referenceByValue.entrySet()) {
            all = all.with(entry.getKey(), entry.getValue());
        }
        return all;
    }

    /** The text with every secret value replaced by its reference, longest values first. */
    public String hide(String text) {
        if (text == null || referenceByValue.isEmpty()) {
            return text;
        }
        String hidden = text;
        for (String value : referenceByValue.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            hidden = hidden.replace(value, referenceByValue.get(value));
        }
        return hidden;
    }

    @Override
    public String toString() {
        return referenceByValue.size() + " secret(s)";
    }
}

package dev.dimmer.api.migration;

/** A go/no-go ballot: go or no-go. */
public enum Vote {
    APPROVE, REJECT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Vote parse(String text) {
        for (Vote vote : values()) {
            if (vote.label().equalsIgnoreCase(text.trim())) {
                return vote;
            }
        }
        throw new IllegalArgumentException("unknown vote '" + text + "'; expected approve or reject");
    }
}

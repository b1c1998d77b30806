package dev.dimmer.plan;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds the known name a typo most likely meant ("dependson" → "depends_on"). Small enough that pulling in a text
 * library for edit distance is not worth the dependency.
 */
final class Spelling {
    private Spelling() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        String wanted = normal(typed);
        return known.stream()
                .filter(candidate -> distance(wanted, normal(candidate)) <= Math.max(1, candidate.length() / 3))
                .min(Comparator.comparingInt(candidate -> distance(wanted, normal(candidate))));
    }

    private static String normal(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

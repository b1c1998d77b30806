package dev.dimmer.chatbot;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the "audit #N" of a Slack sentence into a link to that event on the migration's audit page, when the
 * status pages have a public address ({@code dimmer.pages.public-url}); without one the text stays as it is.
 */
@Singleton
final class AuditLinks {
    private static final Pattern REFERENCE = Pattern.compile("audit #(\\d+)");
    private final String base;

    AuditLinks(@Value("${dimmer.pages.public-url:}") String publicUrl) {
        this.base = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** How much longer a sentence may grow by its links: a sentence holds one reference. */
    int room() {
        return base.isEmpty() ? 0 : base.length() + 100;
    }

    /** The sentence with its audit references as Slack links to the audit page of {@code migration}. */
    String linked(String sentence, String migration) {
        if (base.isEmpty() || sentence == null) {
            return sentence;
        }
        Matcher m = REFERENCE.matcher(sentence);
        return m.replaceAll(r -> Matcher.quoteReplacement("<" + base + "/migrations/" + migration + "/audit#e"
                + r.group(1) + "|audit #" + r.group(1) + ">"));
    }
}

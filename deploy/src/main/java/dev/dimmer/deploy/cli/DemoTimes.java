package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's copy of the plan, with its times made to fit a few minutes today: shadows and canary holds of a second
 * or two (waited out where the demo meets them), a stabilization period of two seconds, freezes around today, and a
 * cutover window on the day after tomorrow, so that a cutover now is refused and the lead overrides the window with
 * a reason, as the audit trail then shows.
 */
final class DemoTimes {
    static final String SHADOW = "2s";
    static final String HOLD = "1s";
    static final String STABILIZATION = "2s";
    private static final Pattern WINDOWS = Pattern.compile("(?ms)^windows:\\n.*?(?=^\\S)");

    private DemoTimes() {
    }

    /** The example plan with its times relative to {@code today}. */
    static String relativeTo(String plan, LocalDate today) {
        String shortened = plan.replaceAll("(?m)^(\\s+)shadow: \\S+$", "$1shadow: " + SHADOW)
                .replaceAll("(?m)^(\\s+)hold: \\S+$", "$1hold: " + HOLD + "\n$1stabilization: " + STABILIZATION);
        DayOfWeek opens = today.plusDays(2).getDayOfWeek();
        String windows = "windows:\n"
                + "  time_zone: Europe/Berlin\n"
                + "  cutover:\n"
                + "    cron: \"0 0 22 ? * " + opens.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT)
                + "\"\n"
                + "    duration: 3h\n"
                + "    from: " + today.minusDays(7) + "\n"
                + "    until: " + today.plusDays(90) + "\n"
                + "  freezes:\n"
                + "    - {from: " + today.minusDays(14) + ", to: " + today.minusDays(8)
                + ", reason: Black Friday and Cyber Monday peak}\n"
                + "    - {from: " + today.plusDays(10) + ", to: " + today.plusDays(24)
                + ", reason: year-end change freeze}\n\n";
        Matcher section = WINDOWS.matcher(shortened);
        return section.find() ? section.replaceFirst(Matcher.quoteReplacement(windows)) : shortened;
    }

    /**
     * How long to wait before trying a move again that a shadow or canary hold (and nothing else) refused; zero for
     * any other refusal. The demo's holds are a second or two.
     */
    static long holdMillis(ApiException refused) {
        JsonNode body = refused.response() == null ? null : refused.response().body();
        if (body == null || !"hold-not-over".equals(body.path("code").asText())) {
            return 0;
        }
        for (JsonNode each : body.path("errors")) {
            if (!"hold-not-over".equals(each.path("code").asText())) {
                return 0;
            }
        }
        return 1_100;
    }
}

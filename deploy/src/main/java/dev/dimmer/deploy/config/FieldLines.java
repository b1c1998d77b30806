package dev.dimmer.deploy.config;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a field is written in a YAML file. Jackson's YAML parser reports an unknown field at the end of its value,
 * which may be the next line; the field's own line is what a person needs. Used only when the name occurs once.
 */
final class FieldLines {
    private FieldLines() {
    }

    static String find(String text, String field, JsonLocation fallback) {
        Pattern key = Pattern.compile("^(\\s*(?:-\\s+)?)" + Pattern.quote(field) + "\\s*:");
        List<String> lines = text.lines().toList();
        String found = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            if (m.find()) {
                if (found != null) {
                    found = null;
                    break;
                }
                found = (i + 1) + ":" + (m.group(1).length() + 1);
            }
        }
        if (found != null) {
            return found;
        }
        return fallback == null ? "1:1" : fallback.getLineNr() + ":" + fallback.getColumnNr();
    }
}

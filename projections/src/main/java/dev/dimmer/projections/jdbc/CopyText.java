package dev.dimmer.projections.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format: columns split by tabs, rows ended by newlines, {@code \N} for NULL, and
 * backslash, tab, newline and carriage return escaped with a backslash. Written here because the JDBC driver takes
 * COPY data as bytes and offers no encoder; the format is small and fixed (PostgreSQL's COPY documentation).
 */
public final class CopyText {
    private final StringBuilder line = new StringBuilder(512);

    /** Appends the rows to the buffer as COPY text, UTF-8 encoded. */
    public void write(List<Insert.Row> rows, ByteArrayOutputStream out) {
        for (Insert.Row row : rows) {
            line.setLength(0);
            List<Insert.Column> columns = row.insert().columns();
            Object[] values = row.values();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                append(columns.get(i).kind(), values[i]);
            }
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
    }

    private void append(Insert.Kind kind, Object value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        switch (kind) {
            case BIGINT -> line.append(((Number) value).longValue());
            case TIMESTAMPTZ -> line.append(Insert.micros((Instant) value));
            case TEXT, JSON -> escape((String) value);
        }
    }

    private void escape(String text) {
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        line.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}

package dev.dimmer.plan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Plan bytes as text, decoded strictly: a plan that is not valid UTF-8 is refused with the byte offset and the
 * line and column, never read with replacement characters that would then be registered as if written so.
 */
public final class PlanText {
    private PlanText() {
    }

    /** The text, or empty with the problem in {@code problem[0]}. */
    public static Decoded decode(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Decoded(null, problem(source, bytes, in.position(), result.length(), out.flip().toString()));
        }
        return new Decoded(out.flip().toString(), null);
    }

    private static PlanProblem problem(String source, byte[] bytes, int offset, int length, String before) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        byte[] bad = new byte[Math.min(length, bytes.length - offset)];
        System.arraycopy(bytes, offset, bad, 0, bad.length);
        String shown = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(bad);
        return new PlanProblem(source, line, column, "", "invalid UTF-8 at byte " + offset + " (line " + line
                + ", column " + column + "): " + shown + " is not a UTF-8 character; save the plan as UTF-8");
    }

    /** Decoded text, or the problem that stopped it. */
    public record Decoded(String text, PlanProblem problem) {
    }
}

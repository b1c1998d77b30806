package dev.dimmer.validation;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How far two numbers may be apart and still count as equal: within {@code absolute}, or within {@code relative}
 * (0.01 = 1 %) of the larger magnitude. Either may be zero; both zero means exactly equal.
 */
public record Tolerance(BigDecimal absolute, BigDecimal relative) {
    public static final Tolerance EXACT = new Tolerance(BigDecimal.ZERO, BigDecimal.ZERO);

    public Tolerance {
        if (absolute.signum() < 0 || relative.signum() < 0) {
            throw new ValidationException("a tolerance cannot be negative: use 0 for an exact match");
        }
    }

    public static Tolerance absolute(String amount) {
        return new Tolerance(new BigDecimal(amount), BigDecimal.ZERO);
    }

    public static Tolerance relative(String fraction) {
        return new Tolerance(BigDecimal.ZERO, new BigDecimal(fraction));
    }

    public boolean allows(BigDecimal source, BigDecimal target) {
        if (source == null || target == null) {
            return source == target;
        }
        BigDecimal gap = source.subtract(target).abs();
        if (gap.compareTo(absolute) <= 0) {
            return true;
        }
        BigDecimal scale = source.abs().max(target.abs());
        return gap.compareTo(scale.multiply(relative, MathContext.DECIMAL128)) <= 0;
    }
}

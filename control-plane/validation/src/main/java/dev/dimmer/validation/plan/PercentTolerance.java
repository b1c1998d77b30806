package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.Percent;
import dev.dimmer.validation.Tolerance;
import java.math.BigDecimal;
import java.math.MathContext;

/** A plan's tolerance ({@code 0.01%}) as the engine's relative tolerance (0.0001); none written is exact. */
final class PercentTolerance {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PercentTolerance() {
    }

    static Tolerance of(Percent percent) {
        return new Tolerance(BigDecimal.ZERO, fraction(percent));
    }

    /** The percentage as a fraction of one: 0.01% is 0.0001; zero when the plan leaves it out. */
    static BigDecimal fraction(Percent percent) {
        if (percent == null || percent.value() == null) {
            return BigDecimal.ZERO;
        }
        return percent.value().divide(HUNDRED, MathContext.DECIMAL64);
    }

    static String text(Percent percent) {
        return percent == null ? "0%" : percent.text();
    }
}

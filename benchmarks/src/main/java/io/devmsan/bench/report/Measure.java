package io.devmsan.bench.report;

import java.util.Locale;

/**
 * A measured value with its error (JMH's 99.9% confidence half-width, or whatever the source
 * states), and ratios of such values with the error propagated to first order (relative errors
 * added in quadrature). The propagated error is an approximation: JMH's intervals are not
 * independent normal errors, so read it as "how far apart the runs were", not as a proof.
 */
final class Measure {

    final double value;
    final double error;

    Measure(double value, double error) {
        this.value = value;
        this.error = Double.isNaN(error) ? Double.NaN : Math.abs(error);
    }

    /** This divided by {@code other}. */
    Measure over(Measure other) {
        double ratio = value / other.value;
        double relative = Math.hypot(error / value, other.error / other.value);
        return new Measure(ratio, ratio * relative);
    }

    /** {@code 12.34 ± 0.56} with {@code decimals} decimals; the error reads "?" when unknown. */
    String format(int decimals) {
        String pattern = "%." + decimals + "f";
        String err = Double.isNaN(error) ? "?" : String.format(Locale.ROOT, pattern, error);
        return String.format(Locale.ROOT, pattern, value) + " ± " + err;
    }

    @Override
    public String toString() {
        return format(3);
    }
}

package io.devmsan.runtime;

/**
 * The predictive fence analysis: while it is on, every access to bind-scoped state made inside a
 * file operation or entry point is remembered with the fence read sides its thread held, and when
 * the device's unbind completes, an access that held none of the fences that unbind synchronized
 * with is reported as {@code unfenced-access}, with the access stack and the unbind that would not
 * have waited. No race is needed: open, ioctl, close, then unbind is enough.
 *
 * <p>Off by default: while on, every access to owned state takes the runtime's slow path, and a
 * driver without marked fences reports every access. The explorer turns it on for its recording
 * run; a test turns it on around the code it wants judged:
 *
 * <pre>{@code
 * FenceAnalysis.start();
 * try {
 *     open, ioctl, close, unbind ...
 * } finally {
 *     FenceAnalysis.stop();
 * }
 * List<Violation> found = Devmsan.since(before);   // rule "unfenced-access"
 * }</pre>
 *
 * <p>Only unbinds that complete while it is on judge accesses; accesses to devices that did not
 * unbind by {@link #stop()} are forgotten unjudged.
 */
public final class FenceAnalysis {

    private FenceAnalysis() {
    }

    /** Starts remembering accesses; calling it while on changes nothing. */
    public static void start() {
        FenceAnalyzer.start();
    }

    /**
     * Stops, and forgets the accesses no unbind has judged.
     *
     * @return how many remembered accesses were left unjudged (their device never unbound)
     */
    public static int stop() {
        return FenceAnalyzer.stop();
    }

    /** True while on. */
    public static boolean isOn() {
        return FenceAnalyzer.on;
    }
}

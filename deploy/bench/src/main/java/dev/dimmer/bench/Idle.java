package dev.dimmer.bench;

import java.time.Duration;

/**
 * Waits until this process has caught up with itself: a log topped up by SQL is read at once by the control
 * plane's own followers (processors, switches), and a figure taken while they still read it would bill their work
 * to the thing measured. Idle here means under a tenth of one core over half a second.
 */
final class Idle {
    private Idle() {
    }

    /** Whether the process went idle within {@code at most}. */
    static boolean await(Duration atMost) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            Thread.sleep(500);
            double cores = (os.getProcessCpuTime() - cpu) / (double) (System.nanoTime() - started);
            if (cores < 0.1) {
                return true;
            }
        }
        return false;
    }
}

package dev.dimmer.deploy.diff;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Mismatching segments narrowed so far out of those queued, drawn on standard error. */
final class SegmentProgressBar implements DiffCommand.TerminalProgress {
    private final ProgressBar bar = new ProgressBarBuilder()
            .setTaskName("diff")
            .setUnit(" segments", 1)
            .setInitialMax(0)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    private long queued;
    private boolean closed;

    @Override
    public synchronized void segmentsQueued(long count) {
        queued += count;
        bar.maxHint(queued);
    }

    @Override
    public synchronized void segmentsDone(long count) {
        bar.stepBy(count);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}

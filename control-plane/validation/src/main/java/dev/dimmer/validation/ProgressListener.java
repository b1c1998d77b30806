package dev.dimmer.validation;

/** Told how many segments a diff has queued and finished, so a terminal can draw a progress bar. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void segmentsQueued(long count) {
        }

        @Override
        public void segmentsDone(long count) {
        }
    };

    void segmentsQueued(long count);

    void segmentsDone(long count);
}

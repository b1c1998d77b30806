package dev.dimmer.api.status;

import java.util.List;

/** How the event processors that build the views and send notifications keep up with the log. */
public record ProcessorsView(long head, List<ProcessorView> processors) {
    public ProcessorsView {
        processors = List.copyOf(processors);
    }
}

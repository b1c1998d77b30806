package dev.dimmer.core.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The command bus, recording each refused command once its own unit of work has rolled back and before the
 * sender hears of the refusal: the one place every channel passes, so no edge can forget to.
 */
final class RecordingRefusalsBus extends SimpleCommandBus {
    private final RefusalRecording refusals;

    RecordingRefusalsBus(Builder builder, RefusalRecording refusals) {
        super(builder);
        this.refusals = refusals;
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> {
            if (result.isExceptional()) {
                refusals.record(message, result.exceptionResult());
            }
            callback.onResult(message, result);
        });
    }
}

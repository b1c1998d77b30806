package dev.dimmer.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The command bus as the bench sends to it. A type of its own so that the bench command's signatures name no Axon
 * type: picocli reads every command's methods when the CLI starts, and `dimmer plan lint` must not load Axon.
 */
final class BenchBus {
    private final CommandGateway gateway;

    BenchBus(Object gateway) {
        this.gateway = (CommandGateway) gateway;
    }

    void sendAndWait(Object command) {
        gateway.sendAndWait(command);
    }
}

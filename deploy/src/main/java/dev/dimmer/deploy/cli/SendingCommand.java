package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.client.ApiClient;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * A command that changes something: it always sends an Idempotency-Key (one made up per run unless given), so the
 * client can send it again once, safely, when the answer is lost or the server says the outcome is unknown.
 */
abstract class SendingCommand extends ClientCommand {
    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Key that makes a retry safe: a command "
            + "sent again with the same key answers with the first outcome instead of acting twice (default: a new "
            + "UUID for each run; the server keeps keys for 24 hours)")
    String idempotencyKey;

    private ApiClient client;

    @Override
    ApiClient connect() {
        client = options.client().withIdempotencyKey(idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : idempotencyKey);
        return client;
    }

    /** Says so on stderr when the command is stored but the status view has not caught up with it yet. */
    void noteWarning() {
        if (client != null && client.warning() != null && client.warning().contains("catching up")) {
            err().println("note: stored; the status view is catching up, so `dimmer status` may lag a moment");
        }
    }
}

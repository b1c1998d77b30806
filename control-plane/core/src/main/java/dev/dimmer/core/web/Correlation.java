package dev.dimmer.core.web;

import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * The correlation id a caller gives ({@code X-Correlation-Id}, e.g. a CI pipeline's run id) travels on the command
 * and every event it causes, so the audit trail can be searched by it; without one, the command's own id serves.
 */
final class Correlation {
    static final String HEADER = "X-Correlation-Id";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    private Correlation() {
    }

    static CommandMessage<?> message(Object command, String given) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (given == null || given.isBlank()) {
            return message.andMetaData(java.util.Map.of(AuditMetadata.CORRELATION_ID, message.getIdentifier()));
        }
        if (!ALLOWED.matcher(given).matches()) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, HEADER + " may hold up to 100 letters, "
                    + "digits and . _ : / -, e.g. the CI run id");
        }
        return message.andMetaData(java.util.Map.of(AuditMetadata.CORRELATION_ID, given));
    }

    static String of(CommandMessage<?> message) {
        return String.valueOf(message.getMetaData().get(AuditMetadata.CORRELATION_ID));
    }
}

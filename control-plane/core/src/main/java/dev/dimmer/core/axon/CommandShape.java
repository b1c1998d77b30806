package dev.dimmer.core.axon;

import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.WaveCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Refuses a command whose ids or texts no channel should have let through, on the bus so API, CLI, Slack and the
 * scheduler are held to one rule: ids of the plan format's shape, and a reason or vote comment of at most
 * {@value #MAX_TEXT} characters without control characters (newline and tab are fine). It runs before the role
 * check, so not even a refusal of an oversized or malformed command is stored.
 */
final class CommandShape implements MessageHandlerInterceptor<CommandMessage<?>> {
    static final int MAX_TEXT = 2000;

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        check(unitOfWork.getMessage().getPayload());
        return chain.proceed();
    }

    static void check(Object payload) {
        if (!(payload instanceof MigrationCommand command)) {
            return;
        }
        // a plan's slug is checked, with its line, by the plan's own schema
        if (!(payload instanceof ApplyPlanCommand)) {
            Ids.requireMigrationId(command.migrationId());
        }
        if (payload instanceof WaveCommand wave) {
            Ids.requireWaveName(wave.wave());
        }
        if (payload instanceof KillSwitchCommand kill) {
            Ids.requireSwitchName(kill.routingSwitch());
        }
        if (payload instanceof CastVoteCommand vote) {
            text("comment", vote.comment());
        }
        text("reason", command.provenance().reason());
    }

    private static void text(String field, String text) {
        if (text == null) {
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            throw new CommandRejectedException(RejectionCode.REASON_TOO_LONG, "the " + field + " is " + length
                    + " characters long; the limit is " + MAX_TEXT + ": shorten it, or link to a longer note");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                throw new CommandRejectedException(RejectionCode.INVALID_TEXT, "the " + field + " holds a control "
                        + "character (" + String.format("U+%04X", (int) c) + ") at position " + (i + 1)
                        + "; only newlines and tabs are allowed");
            }
        }
    }
}

package dev.dimmer.core.axon;

import dev.dimmer.api.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's migration from its annotated field and the version the caller expects from its metadata (an
 * HTTP If-Match), so the repository refuses the command, under the aggregate's lock, if the migration moved on.
 */
final class ExpectedVersionResolver implements CommandTargetResolver {
    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        Object expected = command.getMetaData().get(AuditMetadata.EXPECTED_VERSION);
        if (expected == null) {
            return target;
        }
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), Long.valueOf(expected.toString()));
    }
}

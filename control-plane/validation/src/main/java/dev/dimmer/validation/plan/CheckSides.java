package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.secret.EnvReferences;
import dev.dimmer.secret.RevealedSecrets;
import dev.dimmer.validation.ConnectionSpec;
import dev.dimmer.validation.Database;
import dev.dimmer.validation.ResolvedConnection;
import dev.dimmer.validation.ValidationException;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The two databases of one check, opened when the check first reads them (a uniqueness check opens only the target,
 * a metric neither), each a small read-only pool with the check's statement timeout. Passwords come from the
 * environment at this moment and are never kept beyond the check; every error is told with the references.
 */
final class CheckSides implements AutoCloseable {
    private static final int PARALLELISM_PER_SIDE = 2;

    private final MigrationPlan plan;
    private final ValidationPlan validation;
    private final UnaryOperator<String> environment;
    private final Duration statementTimeout;
    private final Map<String, Object> versions = new LinkedHashMap<>();
    private RevealedSecrets secrets = RevealedSecrets.NONE;
    private volatile Database source;
    private volatile Database target;

    CheckSides(MigrationPlan plan, ValidationPlan validation, UnaryOperator<String> environment,
               Duration statementTimeout) {
        this.plan = plan;
        this.validation = validation;
        this.environment = environment;
        this.statementTimeout = statementTimeout;
    }

    Database source() {
        if (source == null) {
            source = open("source", validation.sourceConnection());
        }
        return source;
    }

    Database target() {
        if (target == null) {
            target = open("target", validation.targetConnection());
        }
        return target;
    }

    /** {@code source_version} and {@code target_version} of the databases opened so far. */
    Map<String, Object> versions() {
        return versions;
    }

    /** The text with every password or variable read for this check put back as its reference. */
    String hide(String text) {
        return secrets.hide(text);
    }

    private Database open(String side, String named) {
        String name = named == null ? side : named;
        Connection connection = plan.connections().get(name);
        if (connection == null) {
            throw new ValidationException("the plan declares no connection '" + name + "' for the " + side
                    + " side; add it under connections: or set " + side + "_connection");
        }
        String password = connection.password();
        String passwordEnv = null;
        if (password != null && !password.isBlank()) {
            if (!EnvReferences.isReference(password)) {
                throw new ValidationException("the password of connection '" + name + "' is not an ${env:NAME} "
                        + "reference; put the secret in an environment variable and name it");
            }
            passwordEnv = password.substring("${env:".length(), password.length() - 1);
        }
        ResolvedConnection resolved = new ConnectionSpec(connection.jdbcUrl(), connection.user(), passwordEnv)
                .resolved(environment);
        secrets = secrets.and(resolved.secrets());
        Database database = Database.open(side, resolved, PARALLELISM_PER_SIDE, statementTimeout);
        if (side.equals("source")) {
            source = database;
        } else {
            target = database;
        }
        versions.put(side + "_version", database.withConnection(c -> {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }));
        return database;
    }

    /** Asks both databases to stop what they run now (a runner's deadline, a shutdown). */
    void cancelRunning() {
        if (source != null) {
            source.cancelRunning();
        }
        if (target != null) {
            target.cancelRunning();
        }
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }
}

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
import java.util.concurrent.CompletableFuture;
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

    /**
     * Opens both sides at once, for checks that read both: opening a pool costs a connection's start-up (tens to
     * hundreds of milliseconds), which need not be paid twice in a row. The source's error wins when both fail.
     */
    void openBoth() {
        if (source != null || target != null) {
            return;
        }
        CompletableFuture<Database> targetOpened = CompletableFuture.supplyAsync(this::target);
        RuntimeException sourceFailed = null;
        try {
            source();
        } catch (RuntimeException e) {
            sourceFailed = e;
        }
        try {
            Database.await(targetOpened);
        } catch (RuntimeException e) {
            if (sourceFailed == null) {
                throw e;
            }
        }
        if (sourceFailed != null) {
            throw sourceFailed;
        }
    }

    /** {@code source_version} and {@code target_version} of the databases opened so far. */
    synchronized Map<String, Object> versions() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : new String[] {"source_version", "target_version"}) {
            if (versions.containsKey(key)) {
                ordered.put(key, versions.get(key));
            }
        }
        return ordered;
    }

    /** The text with every password or variable read for this check put back as its reference. */
    synchronized String hide(String text) {
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
        synchronized (this) {
            secrets = secrets.and(resolved.secrets());
        }
        Database database = Database.open(side, resolved, PARALLELISM_PER_SIDE, statementTimeout);
        if (side.equals("source")) {
            source = database;
        } else {
            target = database;
        }
        String version = database.withConnection(c -> {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        });
        synchronized (this) {
            versions.put(side + "_version", version);
        }
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

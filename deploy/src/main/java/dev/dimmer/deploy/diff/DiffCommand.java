package dev.dimmer.deploy.diff;

import dev.dimmer.secret.RevealedSecrets;
import dev.dimmer.validation.ConnectionSpec;
import dev.dimmer.validation.Database;
import dev.dimmer.validation.DiffRequest;
import dev.dimmer.validation.DiffResult;
import dev.dimmer.validation.DiffingTables;
import dev.dimmer.validation.ProgressListener;
import dev.dimmer.validation.ResolvedConnection;
import dev.dimmer.validation.TableNotFoundException;
import dev.dimmer.validation.TableRef;
import dev.dimmer.validation.ValidationException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dimmer diff}: compares a table on two databases without a Dimmer server. Exit 0 equal, 1 differ, 2 error. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare a table between a source and a target database (PostgreSQL, MariaDB/MySQL) by "
                + "checksums computed inside each database; list rows missing, extra or changed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the tables are equal", "1:differences found", "2:error"})
public final class DiffCommand implements Callable<Integer> {
    static final int EQUAL = 0;
    static final int DIFFERENT = 1;
    static final int ERROR = 2;
    private static final int PARALLELISM_PER_SIDE = 2;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "JDBC URL of the source; $${env:NAME} anywhere in a URL or user is replaced from the "
                    + "environment")
    String source;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "JDBC URL of the target")
    String target;

    @Option(names = "--table", required = true, paramLabel = "SCHEMA.TABLE", description = "table on the source")
    String table;

    @Option(names = "--target-table", paramLabel = "T", description = "table on the target (default: --table)")
    String targetTable;

    @Option(names = "--key", split = ",", paramLabel = "COL",
            description = "key columns (default: the source's primary key; none: compare rows as multisets)")
    List<String> key = List.of();

    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "columns to compare (default: all)")
    List<String> columns = List.of();

    @Option(names = "--where", paramLabel = "SQL", description = "filter applied on both sides")
    String where;

    @Option(names = "--show-values", description = "print the source and target values of changed columns "
            + "(off by default: rows may hold personal data)")
    boolean showValues;

    @Option(names = "--json", description = "print one JSON object instead of a summary")
    boolean json;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + DiffRequest.DEFAULT_MAX_ROWS,
            description = "report at most N differing rows (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--source-user", paramLabel = "USER", description = "source user (or in the URL)")
    String sourceUser;

    @Option(names = "--source-password-env", paramLabel = "NAME",
            description = "environment variable holding the source password")
    String sourcePasswordEnv;

    @Option(names = "--target-user", paramLabel = "USER", description = "target user (or in the URL)")
    String targetUser;

    @Option(names = "--target-password-env", paramLabel = "NAME",
            description = "environment variable holding the target password")
    String targetPasswordEnv;

    private final UnaryOperator<String> environment;

    public DiffCommand() {
        this(System::getenv);
    }

    DiffCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxRows < 1) {
            err.println("dimmer diff: --max-rows must be at least 1");
            return ERROR;
        }
        ResolvedConnection sourceConnection;
        ResolvedConnection targetConnection;
        try {
            sourceConnection = new ConnectionSpec(source, sourceUser, sourcePasswordEnv).resolved(environment);
            targetConnection = new ConnectionSpec(target, targetUser, targetPasswordEnv).resolved(environment);
        } catch (ValidationException e) {
            err.println("dimmer diff: " + e.getMessage());
            return ERROR;
        }
        RevealedSecrets secrets = sourceConnection.secrets().and(targetConnection.secrets());
        try (Database sourceDb = open("source", sourceConnection);
             Database targetDb = open("target", targetConnection);
             TerminalProgress progress = TerminalProgress.start(!json && System.console() != null)) {
            Thread cancel = new Thread(() -> {
                sourceDb.cancelRunning();
                targetDb.cancelRunning();
            });
            Runtime.getRuntime().addShutdownHook(cancel);
            DiffRequest request = DiffRequest.of(TableRef.parse(table),
                            TableRef.parse(targetTable == null ? table : targetTable), key)
                    .withColumns(columns).withWhere(where).withMaxRows(maxRows).withValues(showValues);
            DiffResult result = new DiffingTables().diff(sourceDb, targetDb, request, progress);
            progress.close();
            Runtime.getRuntime().removeShutdownHook(cancel);
            out.println(json ? DiffReport.json(result) : DiffReport.human(request, result));
            out.flush();
            return result.equal() ? EQUAL : DIFFERENT;
        } catch (TableNotFoundException e) {
            boolean renamed = "target".equals(e.side()) && targetTable == null;
            err.println("dimmer diff: " + secrets.hide(e.getMessage())
                    + (renamed ? "; if it has another name there, give it with --target-table" : ""));
            return ERROR;
        } catch (ValidationException e) {
            err.println("dimmer diff: " + secrets.hide(e.getMessage()));
            return ERROR;
        } catch (RuntimeException e) {
            err.println("dimmer diff: unexpected " + e.getClass().getSimpleName() + ": " + secrets.hide(e.getMessage())
                    + "; please report it with the command line (without passwords)");
            return ERROR;
        }
    }

    private static Database open(String label, ResolvedConnection connection) {
        return Database.open(label, connection, PARALLELISM_PER_SIDE, STATEMENT_TIMEOUT);
    }

    /** A progress bar on a terminal's standard error, nothing otherwise. */
    interface TerminalProgress extends ProgressListener, AutoCloseable {
        @Override
        void close();

        static TerminalProgress start(boolean terminal) {
            if (!terminal) {
                return new TerminalProgress() {
                    @Override
                    public void segmentsQueued(long count) {
                    }

                    @Override
                    public void segmentsDone(long count) {
                    }

                    @Override
                    public void close() {
                    }
                };
            }
            return new SegmentProgressBar();
        }
    }
}

package dev.dimmer.deploy.cli;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.deploy.plan.PlanFile;
import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanProblem;
import dev.dimmer.validation.plan.RunningPlannedChecks;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dimmer validate}: runs a wave's validations. With {@code --plan FILE --wave W} it runs them here, against
 * the plan's connections and Prometheus, without a server; with {@code MIGRATION WAVE} a control plane runs them and
 * records the results ({@link #runOnServer}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run a wave's validations: locally from a plan file (--plan FILE --wave W, no server needed; "
                + "passwords from the environment) or on a control plane (MIGRATION WAVE).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every validation passed", "1:a validation failed or errored",
                "2:usage or plan error (unknown wave or validation, unreadable plan)"})
public final class ValidateCommand implements Callable<Integer> {
    static final int PASSED = 0;
    static final int NOT_PASSED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "The migration on the server")
    String migration;

    @Parameters(index = "1", arity = "0..1", paramLabel = "WAVE", description = "Its wave")
    String positionalWave;

    @Option(names = "--plan", paramLabel = "FILE", description = "Run locally from this plan file (YAML or JSON)")
    Path plan;

    @Option(names = "--wave", paramLabel = "W", description = "The wave whose validations run (with --plan)")
    String wave;

    @Option(names = "--only", paramLabel = "NAME",
            description = "Run only this validation (repeatable); default: the wave's datasets' validations and those "
                    + "its gates name")
    List<String> only = new ArrayList<>();

    @Option(names = "--wait", description = "On a server: follow the run until every result is recorded, print them "
            + "and exit 0 (all passed) or 1")
    boolean waitForResults;

    @Option(names = "--reason", paramLabel = "TEXT", description = "On a server: why (kept in the audit trail)")
    String reason;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "On a server: a retry with the same key "
            + "names the same run instead of starting another")
    String idempotencyKey;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Longest a statement or a Prometheus query may run, e.g. 30s, 10m (default: "
                    + "${DEFAULT-VALUE})")
    String statementTimeout;

    private final UnaryOperator<String> environment;

    public ValidateCommand() {
        this(System::getenv);
    }

    ValidateCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try {
            if (plan == null) {
                if (migration == null || positionalWave == null || wave != null) {
                    return usage("give MIGRATION WAVE to run on a server, or --plan FILE --wave W to run locally");
                }
                return runOnServer(migration, positionalWave, only, options);
            }
            if (migration != null) {
                return usage("give either MIGRATION WAVE (on a server) or --plan FILE --wave W (locally), not both");
            }
            if (wave == null) {
                return usage("--plan needs --wave W: the wave whose validations run");
            }
            return runLocally();
        } finally {
            out().flush();
            err().flush();
        }
    }

    /**
     * Asks the control plane to run the wave's validations (all of them, or {@code only}); with {@code --wait}
     * follows the run and prints what each found. Exit 0 when every check passed (or, without --wait, once the run
     * is accepted), 1 when any failed or errored or the server refused, 2 on a usage or connection error.
     */
    int runOnServer(String migrationId, String waveName, List<String> names, ClientOptions client) {
        try {
            ApiClient api = client.client().withIdempotencyKey(idempotencyKey == null || idempotencyKey.isBlank()
                    ? java.util.UUID.randomUUID().toString() : idempotencyKey);
            ServerValidation.Answer answer = ServerValidation.run(api, migrationId, waveName, names, reason,
                    waitForResults, Duration.ofHours(1));
            if (client.json) {
                out().println(ClientCommand.JSON.writeValueAsString(answer.json()));
            } else {
                out().print(answer.text());
            }
            return answer.exit();
        } catch (dev.dimmer.deploy.client.ApiException e) {
            err().println("error: " + e.getMessage());
            return e.exitCode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err().println("error: could not print JSON: " + e.getMessage());
            return USAGE;
        }
    }

    private int runLocally() {
        Duration timeout = PlanDuration.parse(statementTimeout);
        if (timeout == null || timeout.isZero()) {
            return usage("--statement-timeout '" + statementTimeout + "' is not a duration; give e.g. 30s or 10m");
        }
        Optional<LoadedPlan> loaded = PlanFile.read(plan, err());
        if (loaded.isEmpty()) {
            return USAGE;
        }
        MigrationPlan migrationPlan = loaded.get().plan();
        if (migrationPlan == null) {
            for (PlanProblem problem : loaded.get().problems()) {
                err().println(problem.render());
            }
            err().println("dimmer validate: " + plan + " is not a valid plan; fix the problems above (dimmer plan "
                    + "lint " + plan + " shows them too)");
            return USAGE;
        }
        List<String> waves = migrationPlan.waves().stream().map(WavePlan::name).toList();
        if (!waves.contains(wave)) {
            return usage("unknown wave '" + wave + "' in " + plan + "; expected one of: " + String.join(", ", waves));
        }
        List<ValidationPlan> chosen = new ArrayList<>();
        if (only.isEmpty()) {
            chosen.addAll(RunningPlannedChecks.ofWave(migrationPlan, wave));
        } else {
            List<String> known = migrationPlan.validations().stream().map(ValidationPlan::name).toList();
            for (String name : only) {
                Optional<ValidationPlan> validation = migrationPlan.validation(name);
                if (validation.isEmpty()) {
                    return usage("--only " + name + ": no such validation in " + plan + "; expected one of: "
                            + String.join(", ", known));
                }
                chosen.add(validation.get());
            }
        }
        RunningPlannedChecks checks = new RunningPlannedChecks(environment, Clock.systemUTC(), timeout,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        Thread cancel = new Thread(checks::cancelRunning);
        Runtime.getRuntime().addShutdownHook(cancel);
        List<ReportedCheck> results = new ArrayList<>();
        boolean allPassed = true;
        for (ValidationPlan validation : chosen) {
            Instant at = Instant.now();
            CheckResult result = checks.run(migrationPlan, validation);
            allPassed &= result.status() == CheckStatus.PASSED;
            results.add(new ReportedCheck(result, at, null));
        }
        Runtime.getRuntime().removeShutdownHook(cancel);
        List<ReportedWave> report = List.of(new ReportedWave(wave, results));
        out().print(options.json ? ValidationReportText.json(migrationPlan.slug(), report) + "\n"
                : ValidationReportText.table(migrationPlan.slug(), report));
        return allPassed ? PASSED : NOT_PASSED;
    }

    private int usage(String message) {
        err().println("dimmer validate: " + message);
        return USAGE;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.config.ConfigException;
import dev.dimmer.deploy.client.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The command tree of {@code dimmer}, and how its errors reach a person: one line, never a stack trace. */
@Command(name = "dimmer", mixinStandardHelpOptions = true, version = "dimmer 0.1.0",
        description = "Event-sourced migration control plane: phased rollouts, validations, rollback, audit.",
        subcommands = {ServerCommand.class, DemoCommand.class, ApplyCommand.class, StatusCommand.class,
                AdvanceCommand.class, GoNoGoCommand.class, VoteCommand.class, CutoverCommand.class, RollbackCommand.class, RehearseCommand.class,
                AbortCommand.class,
                SwitchesCommand.class, SwitchCommand.class, ShareCommand.class,
                AuditCommand.class, GateCommand.class, ScheduleCommand.class, ReportCommand.class, ProjectionsCommand.class, dev.dimmer.deploy.plan.PlanCommand.class,
                dev.dimmer.deploy.diff.DiffCommand.class, ValidateCommand.class,
                dev.dimmer.bench.BenchCommand.class, HelpCommand.class})
public final class Commands implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Commands());
        // the point-in-time bench needs the executable's own server, which the bench module cannot depend on
        line.getSubcommands().get("bench").addSubcommand("instant", new BenchInstantCommand());
        line.getSubcommands().get("bench").addSubcommand("evidence", new BenchEvidenceCommand());
        line.getSubcommands().get("bench").addSubcommand("pages", new BenchPagesCommand());
        line.getSubcommands().get("bench").addSubcommand("schedule", new BenchScheduleCommand());
        CommandLine audit = line.getSubcommands().get("audit");
        audit.addSubcommand(AuditExportCommand.class);
        audit.addSubcommand(AuditProveCommand.class);
        audit.addSubcommand(AuditVerifyProofCommand.class);
        audit.addSubcommand(AuditCheckpointsCommand.class);
        UsageAnswers.apply(line);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int code = e instanceof ApiException api ? api.exitCode() : 2;
            String message = e instanceof ConfigException || e instanceof ApiException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            cmd.getErr().println("error: " + message);
            if (System.getenv("DIMMER_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return code;
        });
        return line;
    }
}

package dev.dimmer.bench;

import picocli.CommandLine.Command;

@Command(name = "bench", description = "Benchmarks, each printed beside a baseline measured in the same run",
        subcommands = {BenchEventsCommand.class, BenchAuditCommand.class, BenchDiffCommand.class,
                BenchSwitchesCommand.class, BenchRollbackCommand.class, BenchCommandsCommand.class})
public final class BenchCommand {
}

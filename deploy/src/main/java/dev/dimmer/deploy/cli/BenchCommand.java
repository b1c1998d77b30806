package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.bench.BenchEventsCommand;
import picocli.CommandLine.Command;

@Command(name = "bench", description = "Benchmarks, each printed beside a baseline measured in the same run",
        subcommands = {BenchEventsCommand.class, dev.dimmer.deploy.bench.BenchAuditCommand.class, dev.dimmer.deploy.diff.BenchDiffCommand.class})
final class BenchCommand {
}

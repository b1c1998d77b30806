package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a newcomer's first mistakes get: one line each, the right exit code, and a quiet server log. */
class FirstHourMessagesTest {
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static Map<String, String> lead;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        lead = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", RunningControlPlane.LEAD,
                "DIMMER_HOME", Files.createTempDirectory("dimmer-first-hour").toString());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void shouldLogOneLineWithoutStackTraceForATypoedMigration() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.dimmer.core.axon"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        try (LogLines log = new LogLines()) {
            // when
            CliProcess.Result advance = CliProcess.run(lead, "advance", "nosuch", "orders", "--reason", "go");
            // then
            assertThat(advance.exitCode()).as(advance.err()).isEqualTo(1);
            assertThat(advance.err()).contains("no migration 'nosuch'");
            assertThat(log.events().stream().filter(e -> e.getThrowableProxy() != null)
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())).isEmpty();
            assertThat(log.messages().stream().filter(line -> line.contains("nosuch"))).hasSize(1);
        }
    }

    @Test
    void shouldExitOneForAnUnknownMigrationEverywhere() {
        for (String[] command : new String[][] {{"audit", "nosuch"}, {"report", "nosuch"}}) {
            CliProcess.Result run = CliProcess.run(lead, command);
            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(1);
            assertThat(run.err()).as(String.join(" ", command)).contains("nosuch");
        }
    }

    @Test
    void shouldPointAtTheBaseUrlWhenTheServerUrlHasAPath() {
        // when
        CliProcess.Result run = CliProcess.run(lead, "status", "--server", server.url() + "/api");
        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("give the server's base URL without /api, e.g. --server " + server.url());
    }

    private static CliProcess.Result inProcess(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = dev.dimmer.deploy.cli.Commands.commandLine();
        line.setOut(new java.io.PrintWriter(out));
        line.setErr(new java.io.PrintWriter(err));
        int exit = line.execute(args);
        return new CliProcess.Result(exit, out.toString(), err.toString());
    }

    @Test
    void canAskEveryGroupForHelp() {
        for (String group : new String[] {"bench", "projections", "switches", "audit", "plan"}) {
            CliProcess.Result help = inProcess(group, "--help");
            assertThat(help.exitCode()).as(group + ": " + help.err()).isZero();
            assertThat(help.out()).as(group).contains("Usage: dimmer " + group);
        }
        assertThat(inProcess("status", "--help").exitCode()).isZero();
    }

    @Test
    void shouldNameAMissingReasonInOneLine() {
        // when
        CliProcess.Result run = inProcess("advance", "crm", "orders");
        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("dimmer advance: missing --reason TEXT").endsWith("see dimmer advance --help");
    }

    @Test
    void shouldNameTheCommentOfARejectBeforeSendingIt() {
        // when
        CliProcess.Result run = CliProcess.run(lead, "vote", "crm", "orders", "reject");
        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("add --comment");
    }
}

package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```sh} block of the README and docs/*.md runs as written, in order, against the demo's own control
 * plane ({@code ./dimmer demo} serving, as the README's tour assumes), from the checkout's root. A block that cannot
 * run here is on {@link #NOT_RUN}, each with the reason.
 */
class DocsCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("^```sh\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    /** Blocks that cannot run in a test, by file and first command line, and why. */
    private static final Map<String, String> NOT_RUN = Map.of(
            // the demo serves until Ctrl-C; DemoTest runs it with --exit, and this test runs it to serve the tour
            "README.md: ./dimmer demo", "serves until Ctrl-C",
            // ./mvnw verify is the build that runs this test
            "README.md: ./dimmer demo      # run the main job: a control plane on embedded PostgreSQL walks a "
                    + "migration through every phase", "the demo serves until Ctrl-C; ./mvnw verify runs this test",
            // ten million rows per table, minutes of work: the bench is run by hand, its figures are in the doc
            "docs/validation.md: deploy/bench/diff.sh --rows 10000000 --url "
                    + "'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \\",
            "a benchmark of minutes on external databases");

    private static Process demo;
    private static String url;
    private static String token;

    @BeforeAll
    static void startTheDemo() throws Exception {
        Path home = Files.createTempDirectory("dimmer-docs-home");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "dev.dimmer.deploy.Dimmer", "demo", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(home.resolve("demo.err").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().put("DIMMER_HOME", home.toString());
        demo = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher export = Pattern.compile("^\\s*export (DIMMER_URL|DIMMER_TOKEN)=(\\S+)").matcher(line);
            if (export.find()) {
                if (export.group(1).equals("DIMMER_URL")) {
                    url = export.group(2);
                } else {
                    token = export.group(2);
                }
            }
            if (line.startsWith("Serving on ")) {
                break;
            }
        }
        assertThat(url).as(seen.toString()).isNotNull();
        assertThat(token).as(seen.toString()).isNotNull();
        // the demo keeps its own token: a dimmer server's DIMMER_HOME/token is not replaced
        assertThat(home.resolve("token")).doesNotExist();
        assertThat(Files.readString(home.resolve("demo").resolve("token")).strip()).isEqualTo(token);
        // keep draining the demo's output so that it never blocks on a full pipe
        Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopTheDemo() throws InterruptedException {
        if (demo != null) {
            demo.destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void shouldRunEveryShellBlockOfTheReadmeAndDocsAsWritten() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            Matcher block = BLOCK.matcher(Files.readString(file));
            while (block.find()) {
                List<String> lines = block.group(1).lines().filter(l -> !l.isBlank()).toList();
                String key = ROOT.relativize(file) + ": " + lines.get(0);
                if (NOT_RUN.containsKey(key)) {
                    continue;
                }
                for (String line : lines) {
                    run(key, line);
                    ran.add(line);
                }
            }
        }
        assertThat(ran).as("commands run").hasSizeGreaterThan(10);
        assertThat(NOT_RUN).as("every block left out still exists").allSatisfy((key, why) ->
                assertThat(files.stream().anyMatch(f -> key.startsWith(ROOT.relativize(f) + ": "))).isTrue());
    }

    /** Runs one line of a block as a shell would (quotes, comments, export, > FILE) and expects it to succeed. */
    private static void run(String block, String line) throws Exception {
        List<String> words = words(line);
        if (words.isEmpty() || words.get(0).equals("export")) {
            // DIMMER_URL and DIMMER_TOKEN "as printed by the demo": the test uses the ones its demo printed
            return;
        }
        String program = words.remove(0);
        assertThat(program).as(block + ": " + line).isIn("./dimmer", "dimmer");
        Path redirect = null;
        int arrow = words.indexOf(">");
        if (arrow >= 0) {
            redirect = Files.createTempDirectory("dimmer-docs").resolve(words.get(arrow + 1));
            words = new ArrayList<>(words.subList(0, arrow));
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "dev.dimmer.deploy.Dimmer"));
        command.addAll(words);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().putAll(Map.of("DIMMER_URL", url, "DIMMER_TOKEN", token, "DIMMER_HOME",
                Files.createTempDirectory("dimmer-docs-cli").toString()));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(line).isTrue();
        if (redirect != null) {
            Files.write(redirect, out);
        }
        // a line whose comment says it exits 1 (a closed gate: an answer, not an error) may do so
        int comment = line.indexOf(" # ");
        boolean mayAnswerNo = comment >= 0 && line.substring(comment).contains("exit 1");
        assertThat(process.exitValue()).as(block + "\n  " + line + "\n" + new String(out, StandardCharsets.UTF_8)
                + err).isIn(mayAnswerNo ? List.of(0, 1) : List.of(0));
    }

    /** Splits a command line into words: single and double quotes group, an unquoted # starts a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '#' && word == null) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void shouldEscapeEveryPipeInsideATableCell() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        for (Path file : files) {
            Integer columns = null;
            boolean fenced = false;
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                fenced ^= line.startsWith("```");
                if (fenced || !line.startsWith("|")) {
                    columns = null;
                    continue;
                }
                int cells = line.strip().split("(?<!\\\\)\\|", -1).length - 2;
                if (columns == null) {
                    columns = cells;
                } else if (cells != columns) {
                    problems.add(ROOT.relativize(file) + ":" + (i + 1) + " has " + cells + " cells, its header "
                            + columns + " (escape | inside a cell as \\|)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}

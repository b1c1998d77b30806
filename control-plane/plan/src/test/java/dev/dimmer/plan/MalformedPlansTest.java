package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken plans (bad YAML, wrong types, unknown fields, missing parts, cycles, bad references, secrets,
 * windows that never open), each next to the exact lines a user gets, in {@code NAME.expected}.
 */
class MalformedPlansTest {
    private static final Path CORPUS = Path.of("src/test/resources/plans/malformed");
    private static final PlanLoader LOADER = new PlanLoader();

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> !f.toString().endsWith(".expected")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void cannotLoadMalformedPlanAndSaysPreciselyWhy(Path plan) throws IOException {
        String name = plan.getFileName().toString();
        List<String> expected = Files.readAllLines(Path.of(plan + ".expected"), StandardCharsets.UTF_8);

        PlanLoadResult result = LOADER.load(name, Files.readString(plan, StandardCharsets.UTF_8));

        assertThat(result.valid()).isFalse();
        assertThat(result.plan()).isNull();
        assertThat(result.rendered()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldHaveExpectationsForEveryMalformedPlan() throws IOException {
        List<Path> plans = corpus().toList();

        assertThat(plans).hasSizeGreaterThanOrEqualTo(20);
        assertThat(plans).allSatisfy(p -> assertThat(Path.of(p + ".expected")).isNotEmptyFile());
    }

    @Test
    void shouldNeverRepeatAPlainTextPasswordInAnError() throws IOException {
        String text = Files.readString(CORPUS.resolve("plaintext-passwords.yaml"));

        List<String> rendered = LOADER.load("p.yaml", text).rendered();

        assertThat(String.join("\n", rendered)).doesNotContain("hunter2").doesNotContain("s3cret").doesNotContain("987654").doesNotContain("abc123").doesNotContain("pa55");
    }
}

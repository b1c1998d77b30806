package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML snippet in docs/plan-format.md is valid: laid over the first example plan (so a snippet of one
 * section sits in a whole plan), it loads without problems other than references to names the snippet's own
 * context would declare (names, and owners for a gate's quorum).
 */
class DocumentedSnippetsTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```yaml\\n(.*?)```");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final PlanLoader LOADER = new PlanLoader();

    static Stream<String> snippets() throws Exception {
        String doc = Files.readString(Path.of("../../docs/plan-format.md"), StandardCharsets.UTF_8);
        List<String> snippets = new ArrayList<>();
        Matcher matcher = YAML_BLOCK.matcher(doc);
        while (matcher.find()) {
            snippets.add(matcher.group(1));
        }
        return snippets.stream();
    }

    /** Problems that only say a name or owner the snippet's context would declare is missing are not counted. */
    private static boolean aboutTheSnippetItself(String line) {
        return !line.contains(": unknown ") && !line.contains(" but the plan names ")
                && !line.contains("by default, but the plan declares no connection");
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void shouldDocumentOnlyValidYaml(String snippet) throws Exception {
        ObjectNode plan = (ObjectNode) YAML.readTree(ExamplePlans.text("onprem-postgres-to-managed.yaml"));
        plan.setAll((ObjectNode) YAML.readTree(snippet));

        PlanLoadResult result = LOADER.load("snippet.yaml", YAML.writeValueAsString(plan));

        assertThat(result.problems()).extracting(PlanProblem::render)
                .filteredOn(DocumentedSnippetsTest::aboutTheSnippetItself)
                .isEmpty();
    }
}

package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PublishedSchemaTest {
    @Test
    void shouldPublishTheSameSchemaInDocsThatTheLoaderUses() throws Exception {
        String published = Files.readString(Path.of("../../docs/plan.schema.json"), StandardCharsets.UTF_8);

        assertThat(published).isEqualTo(PlanSchema.document());
    }

    @Test
    void shouldPointEveryExampleAtThePublishedSchema() {
        assertThat(ExamplePlans.all()).allSatisfy(example -> assertThat(ExamplePlans.text(example.getFileName().toString()))
                .startsWith("# yaml-language-server: $schema=../docs/plan.schema.json\n"));
    }

    @Test
    void shouldDescribeEveryFieldOfTheSchemaInThePlanFormatDoc() throws Exception {
        String doc = Files.readString(Path.of("../../docs/plan-format.md"), StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode schema = PlanSchema.text();

        java.util.List<String> fields = new java.util.ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        schema.path("$defs").elements().forEachRemaining(def -> def.path("properties").fieldNames().forEachRemaining(fields::add));

        assertThat(fields).isNotEmpty().allSatisfy(field -> assertThat(doc).contains("`" + field + "`"));
    }
}

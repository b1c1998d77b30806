package dev.dimmer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema of plans, and checking a parsed document against it. */
public final class PlanSchema {
    static final String RESOURCE = "/dev/dimmer/plan/plan.schema.json";
    static final String ID = "urn:dimmer:plan-schema:1";

    private final JsonSchema schema;
    private final JsonNode schemaNode;

    PlanSchema() {
        this.schemaNode = text();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(ID), schemaNode, config);
    }

    /** The schema as published, for editors ({@code # yaml-language-server: $schema=...}) and {@code dimmer plan schema}. */
    public static String document() {
        try (InputStream in = PlanSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plan schema missing from the classpath: " + RESOURCE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema document itself, as shipped in the jar. */
    static JsonNode text() {
        try (InputStream in = PlanSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plan schema missing from the classpath: " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<PlanProblem> check(LocatedDocument document) {
        return schema.validate(document.root()).stream()
                .map(message -> SchemaMessage.explain(message, document, schemaNode))
                .filter(problem -> !document.unreadable().contains(problem.path()))
                .toList();
    }

    /** Turns a validator path (names and indexes) into the user's field path. */
    static String fieldPath(JsonNodePath path) {
        String result = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            result = element instanceof Integer index
                    ? FieldPath.element(result, index)
                    : FieldPath.field(result, String.valueOf(element));
        }
        return result;
    }
}

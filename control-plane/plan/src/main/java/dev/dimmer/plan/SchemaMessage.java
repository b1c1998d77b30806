package dev.dimmer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rewrites the schema validator's messages into Dimmer's form: what is wrong; what would be right. The "what would
 * be right" comes from the {@code description} the schema gives each field, so the schema stays the one source.
 */
final class SchemaMessage {
    static PlanProblem explain(ValidationMessage message, LocatedDocument document, JsonNode schemaRoot) {
        return new SchemaMessage(schemaRoot).explainOne(message, document);
    }

    private final JsonNode schemaRoot;

    private SchemaMessage(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    private PlanProblem explainOne(ValidationMessage message, LocatedDocument document) {
        String at = PlanSchema.fieldPath(message.getInstanceLocation());
        JsonNode schema = keywordOwner(message);
        JsonNode value = message.getInstanceNode();
        if (message.getEvaluationPath().contains("propertyNames")) {
            return nameProblem(message, document, at);
        }
        return switch (message.getType()) {
            case "required" -> {
                String field = message.getProperty();
                yield document.problem(FieldPath.field(at, field),
                        "missing required field; expected " + describe(declaringSchema(message, field), field));
            }
            case "additionalProperties" -> {
                String field = message.getProperty();
                List<String> known = names(schema.path("properties"));
                yield document.problem(FieldPath.field(at, field), "unknown field" + suggestion(field, known)
                        + "; expected one of: " + String.join(", ", known));
            }
            case "type" -> document.problem(at, "found " + (secret(at) ? "a value that is not text" : kind(value))
                    + "; expected " + describe(schema, at));
            case "enum" -> document.problem(at, quote(value) + " is not allowed; expected one of: "
                    + texts(schema.path("enum")));
            case "pattern", "maxLength", "minLength", "format" ->
                    document.problem(at, quote(value) + " is not valid; expected " + describe(schema, at));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                    document.problem(at, value + " is out of range; expected " + describe(schema, at));
            case "minItems" -> document.problem(at, "the list is empty; expected " + describe(schema, at));
            case "maxItems", "uniqueItems" -> document.problem(at, "the list is not allowed as given; expected "
                    + describe(schema, at));
            default -> document.problem(at, message.getMessage().replaceFirst("^\\S+: ", "")
                    + "; expected " + describe(schema, at));
        };
    }

    /** A mapping key that is not a valid name, e.g. a connection called 'Source'. */
    private PlanProblem nameProblem(ValidationMessage message, LocatedDocument document, String at) {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("property '([^']*)'").matcher(message.getMessage());
        String name = key.find() ? key.group(1) : "";
        return document.problem(FieldPath.field(at, name), "'" + name + "' is not a valid name; expected "
                + describe(schemaRoot.path("$defs").path("name"), at));
    }

    /** The subschema that holds the failing keyword (the validator hands out the keyword's own value). */
    private JsonNode keywordOwner(ValidationMessage message) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        return schemaRoot.at(pointer(fragment, fragment.getNameCount() - 1));
    }

    /**
     * The schema of a required field. A kind-specific requirement lives in an if/then branch that has no
     * properties of its own, so walk up the schema until an object schema declares the field.
     */
    private JsonNode declaringSchema(ValidationMessage message, String field) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        for (int end = fragment.getNameCount() - 1; end >= 0; end--) {
            JsonNode candidate = schemaRoot.at(pointer(fragment, end)).path("properties").path(field);
            if (!candidate.isMissingNode()) {
                return candidate;
            }
        }
        return schemaRoot.path("properties").path(field);
    }

    private static String pointer(JsonNodePath fragment, int length) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < length; i++) {
            pointer.append('/').append(String.valueOf(fragment.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private String describe(JsonNode schema, String fallbackName) {
        JsonNode description = schema.path("description");
        if (description.isTextual()) {
            return description.asText();
        }
        JsonNode ref = schema.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
            JsonNode target = schemaRoot.at(ref.asText().substring(1));
            if (target.path("description").isTextual()) {
                return target.path("description").asText();
            }
        }
        return "a valid value for " + (fallbackName.isEmpty() ? "the plan" : fallbackName);
    }

    /** A value that may be a secret is never repeated back, not even when it has the wrong type. */
    private static boolean secret(String path) {
        return path.endsWith("password");
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "nothing (null)";
        }
        if (value.isTextual()) {
            return "text " + quote(value);
        }
        if (value.isIntegralNumber()) {
            return "the whole number " + value;
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isBoolean()) {
            return "the boolean " + value;
        }
        if (value.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    private static String quote(JsonNode value) {
        return value == null ? "''" : value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }

    private static List<String> names(JsonNode properties) {
        List<String> result = new ArrayList<>();
        properties.fieldNames().forEachRemaining(result::add);
        return result;
    }

    private static String texts(JsonNode values) {
        List<String> result = new ArrayList<>();
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            result.add(it.next().asText());
        }
        return result.stream().collect(Collectors.joining(", "));
    }

    private static String suggestion(String field, List<String> known) {
        return Spelling.closest(field, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}

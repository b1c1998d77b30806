package dev.dimmer.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON into a Jackson tree while remembering where each field and element starts. Jackson's own
 * tree model drops token locations, so this walks the streaming parser itself; it also reports duplicate keys,
 * which a plain tree read would silently overwrite.
 */
final class DocumentReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Nesting beyond this is no plan; the parsers refuse it before the tree walk can exhaust the stack. */
    static final int MAX_DEPTH = 64;
    /** Aliases are refused anyway; past this many the rest are not reported one by one. */
    private static final int ALIASES_REPORTED = 10;
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions())
            .streamReadConstraints(constraints()).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(constraints()).build();

    private final String source;
    private final Map<String, Position> positions = new HashMap<>();
    private final List<PlanProblem> problems = new ArrayList<>();
    private final Set<String> unreadable = new HashSet<>();
    private int aliases;

    private DocumentReader(String source) {
        this.source = source;
    }

    static LocatedDocument read(String source, String text) {
        return new DocumentReader(source).readAll(text);
    }

    private LocatedDocument readAll(String text) {
        // JSON is YAML, but tabs and some escapes that are fine in JSON trip a YAML parser, so JSON gets its own.
        JsonFactory factory = text.stripLeading().startsWith("{") ? JSON : YAML;
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new PlanProblem(source, 1, 1, "", "the plan is empty; expected a mapping with slug, title, owners and waves"));
                return new LocatedDocument(source, null, positions, problems, unreadable);
            }
            positions.put("", at(parser.currentTokenLocation()));
            JsonNode root = value(parser, "");
            return new LocatedDocument(source, root, positions, problems, unreadable);
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(e));
            return new LocatedDocument(source, null, positions, problems, unreadable);
        } catch (IOException e) {
            problems.add(new PlanProblem(source, 0, 0, "", "cannot read the plan: " + e.getMessage()));
            return new LocatedDocument(source, null, positions, problems, unreadable);
        }
    }

    private JsonNode value(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        // Jackson hands a YAML alias (*name) over as the plain text of its name, which would mislead every later check
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            unreadable.add(path);
            if (++aliases > ALIASES_REPORTED) {
                return NODES.nullNode();
            }
            Position where = at(parser.currentTokenLocation());
            problems.add(new PlanProblem(source, where.line(), where.column(), path, "YAML alias *" + parser.getText()
                    + " is not supported in plans; write the value out in full"
                    + (aliases == ALIASES_REPORTED ? " (further aliases are not listed)" : "")));
            return NODES.nullNode();
        }
        return switch (token) {
            case START_OBJECT -> object(parser, path);
            case START_ARRAY -> array(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
    }

    private ObjectNode object(JsonParser parser, String path) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String childPath = FieldPath.field(path, name);
            Position where = at(parser.currentTokenLocation());
            parser.nextToken();
            JsonNode child = value(parser, childPath);
            if (node.has(name)) {
                problems.add(new PlanProblem(source, where.line(), where.column(), childPath,
                        "duplicate field; each field may appear once in a mapping, keep one '" + name + "'"));
                continue;
            }
            positions.put(childPath, where);
            node.set(name, child);
        }
        return node;
    }

    private ArrayNode array(JsonParser parser, String path) throws IOException {
        ArrayNode node = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String childPath = FieldPath.element(path, index++);
            positions.put(childPath, at(parser.currentTokenLocation()));
            node.add(value(parser, childPath));
        }
        return node;
    }

    private PlanProblem syntaxProblem(JsonProcessingException e) {
        Position where = e.getLocation() == null ? Position.UNKNOWN : at(e.getLocation());
        return new PlanProblem(source, where.line(), where.column(), "",
                "not valid YAML or JSON: " + syntaxDetail(e.getOriginalMessage())
                        + "; fix the syntax here (indentation with spaces, quotes, closing brackets)");
    }

    /**
     * SnakeYAML explains an error as "while parsing X / in 'reader', line..., snippet / problem / in ...": keep the
     * problem first and the context after it, and drop the snippets, which repeat the file.
     */
    static String syntaxDetail(String message) {
        List<String> lines = message == null ? List.of() : message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).toList();
        if (lines.isEmpty()) {
            return "unreadable";
        }
        if (lines.size() == 1) {
            return lines.get(0);
        }
        return lines.get(lines.size() - 1) + " (" + String.join("; ", lines.subList(0, lines.size() - 1)) + ")";
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(ALIASES_REPORTED);
        options.setNestingDepthLimit(MAX_DEPTH);
        // characters, not bytes; the HTTP edge caps a plan's bytes before this
        options.setCodePointLimit(8 * 1024 * 1024);
        return options;
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(1024 * 1024)
                .maxNumberLength(100).build();
    }

    private static Position at(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }
}

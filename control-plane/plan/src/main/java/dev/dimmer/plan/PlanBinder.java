package dev.dimmer.plan;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.ValidationPlan;
import java.util.Optional;

/**
 * Binds a parsed document to the published plan records. The YAML spells fields in snake_case and the records in
 * camelCase, so a naming strategy maps them and the api records stay free of YAML concerns.
 */
final class PlanBinder {
    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // the schema has already reported a bad enum value; binding the rest lets cross-field checks still run
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .addHandler(new KindRefused())
            .build();

    /** The plan, or empty when the document's shape is too broken to bind (the schema has said why). */
    Optional<MigrationPlan> bind(JsonNode root) {
        try {
            return Optional.of(mapper.treeToValue(root, MigrationPlan.class));
        } catch (Exception shapeDoesNotFit) {
            return Optional.empty();
        }
    }

    /**
     * An item whose kind is missing or not one the format knows (the schema has said so) is bound as the kind with
     * the fewest fields of its own, so the cross-field checks still see its name, dataset, connections, switch and
     * waves. Such a plan never loads.
     */
    private static final class KindRefused extends DeserializationProblemHandler {
        @Override
        public JavaType handleUnknownTypeId(DeserializationContext context, JavaType baseType, String subTypeId,
                                            TypeIdResolver resolver, String failureMessage) {
            return standIn(context, baseType);
        }

        @Override
        public JavaType handleMissingTypeId(DeserializationContext context, JavaType baseType,
                                            TypeIdResolver resolver, String failureMessage) {
            return standIn(context, baseType);
        }

        private static JavaType standIn(DeserializationContext context, JavaType baseType) {
            if (baseType.hasRawClass(ValidationPlan.class)) {
                return context.constructType(ValidationPlan.RowCount.class);
            }
            if (baseType.hasRawClass(RollbackAction.class)) {
                return context.constructType(RollbackAction.Switch.class);
            }
            return null;
        }
    }
}

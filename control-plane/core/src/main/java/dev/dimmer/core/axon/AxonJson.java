package dev.dimmer.core.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/** The Jackson serializer for events, snapshots, tokens and messages; never XStream. */
public final class AxonJson {
    private AxonJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // events written by a newer Dimmer stay readable by an older one
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(mapper()).build();
    }
}

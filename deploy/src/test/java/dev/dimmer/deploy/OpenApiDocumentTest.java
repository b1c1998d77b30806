package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is served without a token and names every API route the server has, and nothing else. */
class OpenApiDocumentTest {
    @Test
    void shouldDescribeExactlyTheRoutesTheServerServes() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase(); RunningControlPlane server =
                RunningControlPlane.on(database)) {
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/openapi.yaml")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(served.body());

            Set<String> documented = new TreeSet<>();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> {
                        if (!method.equals("parameters")) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                        }
                    }));
            Set<String> routed = new TreeSet<>();
            server.plane().context().getBean(Router.class).uriRoutes()
                    .map(route -> (UriRouteInfo<?, ?>) route)
                    .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api")
                            || route.getUriMatchTemplate().toString().startsWith("/ofrep")
                            || route.getUriMatchTemplate().toString().startsWith("/health")
                            || route.getUriMatchTemplate().toString().equals("/metrics"))
                    // Micronaut answers HEAD for every GET by itself
                    .filter(route -> route.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD)
                    .forEach(route -> routed.add(route.getHttpMethod() + " " + route.getUriMatchTemplate()
                            .toString().replaceAll("\\{\\?[^}]*}", "")));
            assertThat(documented).isEqualTo(routed);
        }
    }
}

package dev.dimmer.deploy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.deploy.config.DimmerHome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * The CLI's connection to a control plane: finds the server ({@code --server}, {@code DIMMER_URL}, default
 * {@code http://127.0.0.1:8420}) and the token ({@code DIMMER_TOKEN}, or the dev-mode token file), sends requests
 * and turns refusals into one-line errors with the right exit code.
 */
public final class ApiClient {
    public static final String DEFAULT_URL = "http://127.0.0.1:8420";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String token;
    private final String correlationId;
    private final String idempotencyKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String warning;

    public ApiClient(URI base, String token) {
        this(base, token, null);
    }

    /** @param correlationId carried by every event the client's commands cause, e.g. a CI run id; may be null */
    public ApiClient(URI base, String token, String correlationId) {
        this(base, token, correlationId, null);
    }

    private ApiClient(URI base, String token, String correlationId, String idempotencyKey) {
        this.base = base;
        this.token = token;
        this.correlationId = correlationId;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * A client whose commands carry this Idempotency-Key, and are therefore sent a second time (once) when the
     * first answer was lost or its outcome unknown: the server acts only if the first attempt did not.
     */
    public ApiClient withIdempotencyKey(String key) {
        return new ApiClient(base, token, correlationId, key);
    }

    /** The server's Warning on the last answer (e.g. the command is stored but the view is catching up), or null. */
    public String warning() {
        return warning;
    }

    public static ApiClient locate(String serverOption, Map<String, String> env, DimmerHome home) {
        String url = serverOption != null ? serverOption : env.getOrDefault("DIMMER_URL", DEFAULT_URL);
        String token = env.get("DIMMER_TOKEN");
        if (token == null || token.isBlank()) {
            try {
                token = Files.exists(home.tokenFile()) ? Files.readString(home.tokenFile()).strip() : null;
            } catch (IOException e) {
                token = null;
            }
        }
        try {
            return new ApiClient(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url), token,
                    env.get("DIMMER_CORRELATION_ID"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(2, "the server URL '" + url + "' is not a URL", null);
        }
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) {
        return send(plainRequest(path).GET());
    }

    /** A GET whose answer is text (JSON Lines, Markdown, HTML), returned as sent; an error still reads as JSON. */
    public String getText(String path, String accept) {
        HttpRequest request = plainRequest(path).setHeader("Accept", accept).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException(2, "cannot reach the Dimmer server at " + base + " (is `dimmer server` "
                    + "running? point to it with --server URL or DIMMER_URL)", null);
        } catch (IOException e) {
            throw new ApiException(2, "talking to " + base + " failed: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(2, "interrupted", null);
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response.body();
        }
        throw refusal(new ApiResponse(response.statusCode(), parse(response.body())));
    }

    public JsonNode post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new ApiException(2, "could not encode the request: " + e.getMessage(), null);
        }
    }

    public JsonNode postText(String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = plainRequest(path);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder;
    }

    private HttpRequest.Builder plainRequest(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(10))
                .header("Accept", "application/json")
                .header("X-Dimmer-Channel", "cli");
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (correlationId != null && !correlationId.isBlank()) {
            builder.header("X-Correlation-Id", correlationId);
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        boolean retryable = idempotencyKey != null && request.method().equals("POST");
        ApiResponse answer;
        try {
            answer = exchange(request);
        } catch (ApiException lost) {
            if (!retryable) {
                throw lost;
            }
            answer = retry(request);
        }
        if (retryable && outcomeUnknown(answer)) {
            answer = retry(request);
        }
        if (answer.ok()) {
            return answer.body();
        }
        throw refusal(answer);
    }

    private static final java.util.Set<String> MALFORMED = java.util.Set.of("bad-request", "not-found",
            "method-not-allowed", "unsupported-media-type", "not-acceptable", "payload-too-large",
            "invalid-instant", "invalid-event");

    private ApiResponse retry(HttpRequest request) {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(2, "interrupted", null);
        }
        return exchange(request);
    }

    private static boolean outcomeUnknown(ApiResponse answer) {
        return answer.status() == 503 && answer.body().path("code").asText("").equals("outcome-unknown");
    }

    private ApiResponse exchange(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException(2, "cannot reach the Dimmer server at " + base + " (is `dimmer server` "
                    + "running? point to it with --server URL or DIMMER_URL)", null);
        } catch (IOException e) {
            throw new ApiException(2, "talking to " + base + " failed: " + e.getMessage()
                    + (idempotencyKey == null ? "" : "; the command may or may not have been stored: send it again "
                    + "with --idempotency-key " + idempotencyKey + " or check dimmer audit"), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(2, "interrupted", null);
        }
        warning = response.headers().firstValue("Warning").orElse(null);
        return new ApiResponse(response.statusCode(), parse(response.body()));
    }

    private ApiException refusal(ApiResponse answer) {
        String detail = answer.body().path("detail").asText("");
        if (detail.isBlank()) {
            detail = "the server answered " + answer.status();
        }
        String code = answer.body().path("code").asText("");
        if (answer.status() == 401 || answer.status() >= 500) {
            return new ApiException(2, detail, answer);
        }
        if (answer.status() == 404 && (code.isEmpty() || detail.startsWith("no such route"))) {
            return new ApiException(2, wrongBase(detail), answer);
        }
        // a reason code means the domain (or the role check) refused; a bare 4xx, or one the HTTP layer gave its
        // generic code, is a malformed request
        boolean malformed = code.isEmpty() ? !(answer.status() == 403 || answer.status() == 404
                || answer.status() == 409 || answer.status() == 422) : MALFORMED.contains(code);
        boolean refused = !malformed;
        return new ApiException(refused ? 1 : 2, detail, answer);
    }

    /** A route the server does not have: most often a --server URL with a path, such as .../api. */
    private String wrongBase(String detail) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String root = base.getScheme() + "://" + base.getRawAuthority();
        return detail + "; " + (path.isEmpty() || path.equals("/")
                ? "is " + base + " a Dimmer server? give its base URL with --server or DIMMER_URL"
                : "give the server's base URL without " + path + ", e.g. --server " + root);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            ObjectNode node = JSON.createObjectNode();
            node.put("detail", body.length() > 200 ? body.substring(0, 200) : body);
            return node;
        }
    }
}

package dev.dimmer.chatbot;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack request URL: a thin adapter from Micronaut to Bolt's {@link App#run} (bolt-micronaut does not run on
 * Micronaut 4). Signature and timestamp (5-minute window) are checked here first, then each signature is taken
 * in once: forged, stale and replayed requests get 401 and reach no handler.
 */
@Controller("/slack")
@Requires(property = "dimmer.slack.signing-secret")
@Requires(beans = App.class)
final class SlackEventsController {
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    private final App app;
    private final SlackSignature.Verifier verifier;
    private final SlackRequestParser parser;
    private final ReplayGuard replays;

    SlackEventsController(App app, SlackSettings settings, ReplayGuard replays) {
        this.app = app;
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(settings.signingSecret()));
        this.parser = new SlackRequestParser(app.config());
        this.replays = replays;
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<String> events(HttpRequest<?> request, @Nullable @Body String body) throws Exception {
        String text = body == null ? "" : body;
        String timestamp = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null || !verifier.isValid(timestamp, text, signature)) {
            return unauthorized("invalid or stale signature");
        }
        if (!replays.firstSighting(signature)) {
            return unauthorized("replayed request");
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath())
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(headers))
                .requestBody(text)
                .remoteAddress(request.getRemoteAddress().getHostString())
                .build());
        Response response = app.run(slackRequest);
        MutableHttpResponse<String> answer = HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
        if (response.getBody() != null) {
            answer.body(response.getBody());
        }
        if (response.getContentType() != null) {
            answer.contentType(response.getContentType());
        }
        return answer;
    }

    private static MutableHttpResponse<String> unauthorized(String why) {
        LOG.warn("refused a Slack request: {}", why);
        return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("{\"error\":\"" + why + "\"}");
    }
}

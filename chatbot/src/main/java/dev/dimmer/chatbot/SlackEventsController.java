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
 * Micronaut 4). {@link SlackRequestCheck} comes first: forged, stale, future-dated and replayed requests get 401,
 * one WARN line saying why, and reach no handler.
 */
@Controller("/slack")
@Requires(property = "dimmer.slack.signing-secret")
@Requires(beans = App.class)
final class SlackEventsController {
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestCheck check;

    SlackEventsController(App app, SlackRequestCheck check) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.check = check;
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<String> events(HttpRequest<?> request, @Nullable @Body String body) throws Exception {
        String text = body == null ? "" : body;
        String timestamp = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        var refusal = check.refusal(timestamp, text, signature);
        if (refusal.isPresent()) {
            return unauthorized(refusal.get());
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
        return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body("{\"error\":\"unauthorized\"}");
    }
}

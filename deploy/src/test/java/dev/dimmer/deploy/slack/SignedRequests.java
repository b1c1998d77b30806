package dev.dimmer.deploy.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests as Slack sends them to {@code POST /slack/events}: slash commands, button clicks and modal submissions,
 * signed with {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}.
 */
final class SignedRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Slack gives every interaction its own trigger id, so two identical commands never sign the same
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String secret;
    private final FakeSlack slack;

    /** A Slack HTTP answer: status and body (JSON bodies re-read, so Gson's escapes do not hide the text). */
    record Answer(int status, String body) {
        Answer {
            try {
                body = body.startsWith("{") ? JSON.readTree(body).toString() : body;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    SignedRequests(String baseUrl, String secret, FakeSlack slack) {
        this.url = baseUrl + "/slack/events";
        this.secret = secret;
        this.slack = slack;
    }

    static String slashBody(String command, String user, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", FakeSlack.TEAM);
        form.put("team_domain", "dimmer");
        form.put("channel_id", FakeSlack.CHANNEL_ID);
        form.put("channel_name", "crm-migration");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0APP");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1337.42." + TRIGGERS.incrementAndGet());
        return form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    Answer command(String command, String user, String text) {
        return send(slashBody(command, user, text, slack.responseUrl("cmd")), Instant.now(), true);
    }

    Answer click(String actionId, String user, String value, String cardTs) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("team", Map.of("id", FakeSlack.TEAM, "domain", "dimmer"));
        payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(),
                "team_id", FakeSlack.TEAM));
        payload.put("api_app_id", "A0APP");
        payload.put("token", "legacy-token");
        payload.put("container", Map.of("type", "message", "message_ts", cardTs, "channel_id", FakeSlack.CHANNEL_ID,
                "is_ephemeral", false));
        payload.put("trigger_id", "1337.43." + TRIGGERS.incrementAndGet());
        payload.put("channel", Map.of("id", FakeSlack.CHANNEL_ID, "name", "crm-migration"));
        payload.put("message", Map.of("type", "message", "ts", cardTs, "text", "Go/no-go"));
        payload.put("response_url", slack.responseUrl("action"));
        payload.put("actions", List.of(Map.of("action_id", actionId, "block_id", "gonogo", "value", value,
                "type", "button", "action_ts", "1700000001.000001",
                "text", Map.of("type", "plain_text", "text", actionId))));
        return sendPayload(payload);
    }

    Answer submitReject(String user, String privateMetadata, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "view_submission");
        payload.put("team", Map.of("id", FakeSlack.TEAM, "domain", "dimmer"));
        payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(),
                "team_id", FakeSlack.TEAM));
        payload.put("api_app_id", "A0APP");
        payload.put("token", "legacy-token");
        payload.put("trigger_id", "1337.44." + TRIGGERS.incrementAndGet());
        payload.put("view", Map.of("id", "V0VIEW", "team_id", FakeSlack.TEAM, "type", "modal",
                "callback_id", "gonogo_reject_reason", "private_metadata", privateMetadata, "hash", "h1",
                "state", Map.of("values", Map.of("reason", Map.of("reason",
                        Map.of("type", "plain_text_input", "value", reason))))));
        return sendPayload(payload);
    }

    private Answer sendPayload(Map<String, Object> payload) {
        try {
            String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
            return send(body, Instant.now(), true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a body signed at {@code at}; with {@code honest} false the signature is made with a wrong secret. */
    Answer send(String body, Instant at, boolean honest) {
        String timestamp = String.valueOf(at.getEpochSecond());
        return post(body, timestamp, sign(honest ? secret : "not-the-secret", timestamp, body));
    }

    Answer post(String body, String timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.dimmer.deploy.page;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.jte.HtmlJteViewsRenderer;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders a page with its precompiled template (Micronaut Views' JTE renderer) into bytes: pages are small, and a
 * complete body can be measured and is never half sent. Pages show live data behind a sign-in: never cached.
 */
@Singleton
final class Html {
    private final HtmlJteViewsRenderer<Map<String, Object>> renderer;

    Html(HtmlJteViewsRenderer<Map<String, Object>> renderer) {
        this.renderer = renderer;
    }

    MutableHttpResponse<byte[]> page(HttpRequest<?> request, String template, Object model) {
        return page(request, HttpStatus.OK, template, model);
    }

    MutableHttpResponse<byte[]> page(HttpRequest<?> request, HttpStatus status, String template, Object model) {
        Writable writable = renderer.render(template, Map.of("page", model), request);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            writable.writeTo(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<byte[]>status(status).body(body.toByteArray())
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "no-store");
    }
}

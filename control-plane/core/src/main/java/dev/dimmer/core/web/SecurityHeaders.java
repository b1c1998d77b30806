package dev.dimmer.core.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries, errors included: no content sniffing, no framing, no referrer to other sites; API answers are
 * about live migrations and must never be served from a cache. Everything else (the status pages and their
 * assets) may load scripts, styles and streams from this server only: no inline script or style, no framing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(BearerAuthFilter.ORDER - 20)
final class SecurityHeaders {
    static final String PAGES = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (request.getPath().startsWith("/api")) {
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-store");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        } else {
            // same-origin: a share link's token never leaves in a Referer, and the pages' own forms carry their
            // Origin (under no-referrer a browser sends "Origin: null", which the server refuses from localhost)
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Content-Security-Policy", PAGES);
        }
    }
}

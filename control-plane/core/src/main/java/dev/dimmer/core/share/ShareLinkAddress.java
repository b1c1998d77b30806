package dev.dimmer.core.share;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Where people reach the status pages: {@code dimmer.pages.public-url} when set (behind a proxy, with TLS), else
 * the address the request came to.
 */
@Singleton
public final class ShareLinkAddress {
    private final String publicUrl;

    public ShareLinkAddress(@Value("${dimmer.pages.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public String base(HttpRequest<?> request) {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String scheme = request.isSecure() ? "https" : "http";
        return host == null ? "" : scheme + "://" + host;
    }

    /** The page a share token opens. */
    public String link(HttpRequest<?> request, String token) {
        return base(request) + "/share/" + token;
    }
}

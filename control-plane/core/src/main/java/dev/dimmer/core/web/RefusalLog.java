package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.migration.Ids;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 401 and 403 leaves a line in the log: who (if known), from where, what was asked. Never the token, and
 * the path with its control characters escaped so that a crafted path cannot forge log lines.
 */
@ServerFilter({"/api/**", "/metrics"})
@Order(BearerAuthFilter.ORDER - 10)
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status != 401 && status != 403) {
            return;
        }
        String actor = request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class)
                .map(a -> Ids.shown(a.id()) + " (" + Ids.shown(a.name()) + ")").orElse("unauthenticated");
        LOG.info("{} {} {} refused for {} from {}", status, request.getMethodName(), Ids.shown(request.getPath()),
                actor, request.getRemoteAddress().getAddress().getHostAddress());
    }
}

package dev.dimmer.projections.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** A read the caller got wrong, answered as problem+json with a code of its own (the shape of the edge's problems). */
final class ReadProblem {
    private ReadProblem() {
    }

    static HttpResponse<Map<String, Object>> of(HttpRequest<?> request, HttpStatus status, String code,
                                                String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReason());
        problem.put("status", status.getCode());
        problem.put("detail", detail);
        problem.put("instance", request.getPath());
        problem.put("code", code);
        return HttpResponse.<Map<String, Object>>status(status).body(problem).contentType("application/problem+json");
    }
}

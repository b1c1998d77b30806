package dev.dimmer.deploy.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' scripts and styles, from the WebJars on the class path and the pages' own two files: a fixed list,
 * nothing else on the class path can be asked for. Their names carry their versions, so browsers keep them a year.
 */
@Controller("/assets")
final class Assets {
    static final String HTMX = "htmx-2.0.7.min.js";
    private static final Map<String, String[]> FILES = Map.of(
            HTMX, new String[] {"META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js", "text/javascript"},
            "htmx-ext-sse-2.2.2.js", new String[] {"META-INF/resources/webjars/htmx-ext-sse/2.2.2/sse.js",
                    "text/javascript"},
            "uPlot-1.6.30.iife.min.js", new String[] {"META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                    "text/javascript"},
            "uPlot-1.6.30.min.css", new String[] {"META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css",
                    "text/css"},
            "dimmer-2.css", new String[] {"page/dimmer.css", "text/css"},
            "dimmer-2.js", new String[] {"page/dimmer.js", "text/javascript"});
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Get("/{name}")
    HttpResponse<byte[]> asset(@PathVariable String name) {
        String[] file = FILES.get(name);
        if (file == null) {
            return HttpResponse.notFound();
        }
        byte[] body = loaded.computeIfAbsent(name, n -> read(file[0]));
        return HttpResponse.ok(body).contentType(file[1] + ";charset=utf-8")
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path; rebuild dimmer");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dimmer.deploy.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments for the API, encoded so that a name can never change the path. */
final class Paths {
    private Paths() {
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package dev.dimmer.deploy.cli;

import java.io.PrintWriter;

/** The demo's pointer to the status pages: where they are and how to open them. */
final class DemoPages {
    private DemoPages() {
    }

    static void print(PrintWriter out, String url, String migration) {
        out.println("Status pages (live): " + url + "/ and " + url + "/migrations/" + migration
                + " (sign in with the DIMMER_TOKEN above; share read-only with ./dimmer share " + migration + ")");
    }
}

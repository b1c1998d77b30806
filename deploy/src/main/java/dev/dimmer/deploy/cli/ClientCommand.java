package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a control plane. Exit codes: 0 done, 1 refused by the domain (the reason is printed),
 * 2 usage or connection error.
 */
abstract class ClientCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    /** What the command exits with when it ran to the end: 0, or 1 for an answer that says "not yet" (a closed gate). */
    int exit;

    @Override
    public final Integer call() {
        try {
            run(connect());
            return exit;
        } catch (ApiException e) {
            err().println("error: " + e.getMessage());
            printProblems(e);
            return e.exitCode();
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract void run(ApiClient client);

    ApiClient connect() {
        return options.client();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(JsonNode node) {
        try {
            out().println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new ApiException(2, "could not print JSON: " + e.getMessage(), null);
        }
    }

    private void printProblems(ApiException e) {
        if (e.response() == null) {
            return;
        }
        for (JsonNode problem : e.response().body().path("errors")) {
            err().println("  " + problem.path("text").asText(problem.toString()));
        }
    }
}

package dev.dimmer.deploy.client;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer from the control plane: its status and JSON body. */
public record ApiResponse(int status, JsonNode body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}

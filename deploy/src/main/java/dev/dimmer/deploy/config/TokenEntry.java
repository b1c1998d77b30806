package dev.dimmer.deploy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One API token in {@code dimmer.yml}: the actor it stands for and its roles, and either the token itself as an
 * {@code ${env:NAME}} reference or its SHA-256 digest in hex.
 */
public record TokenEntry(String actor, String name, List<String> roles, String token,
                         @JsonProperty("token_sha256") String tokenSha256) {
}

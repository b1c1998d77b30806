package dev.dimmer.deploy.page;

/** Someone the plan names, with the role it gives them. */
public record Person(String name, String role) {
}

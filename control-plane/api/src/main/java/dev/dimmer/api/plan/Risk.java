package dev.dimmer.api.plan;

/** A risk as the field writes it down: what could go wrong, how it is prevented, how it shows, how to back out. */
public record Risk(String risk, String mitigation, String signal, String rollback) {
}

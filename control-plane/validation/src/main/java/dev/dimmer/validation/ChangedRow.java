package dev.dimmer.validation;

import java.util.List;
import java.util.Map;

/** A key present on both sides whose values differ in the named columns. */
public record ChangedRow(Map<String, Object> key, List<String> columns) {
}

package dev.dimmer.validation;

import java.util.List;
import java.util.Map;

/** pk_uniqueness: how many key values occur more than once, how many rows have a NULL in the key, and examples. */
public record KeyUniquenessResult(boolean passed, long duplicatedKeys, long nullKeys,
                                  List<Map<String, Object>> examples) {
}

package dev.dimmer.validation;

/** A problem the user can fix (a missing table, a bad option); its message is one line meant for them. */
public class ValidationException extends RuntimeException {
    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}

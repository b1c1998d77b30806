package dev.dimmer.deploy.client;

/**
 * The control plane refused (exit code 1) or could not be used (exit code 2); the message is one line for a person.
 */
public final class ApiException extends RuntimeException {
    private final int exitCode;
    private final ApiResponse response;

    public ApiException(int exitCode, String message, ApiResponse response) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.response = response;
    }

    public int exitCode() {
        return exitCode;
    }

    public ApiResponse response() {
        return response;
    }
}

package io.exsync.events;

/** A record that can never be processed (not JSON, missing CloudEvents headers, unknown type): it belongs on the DLQ. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.exsync.worker.connector;

import java.time.Duration;

/** A classified failure talking to a mail server: the class decides retries, the code the root cause (SPEC §9). */
public class ConnectorException extends Exception {

    private final ErrorClass errorClass;
    private final String code;
    private final Duration retryAfter;

    public ConnectorException(ErrorClass errorClass, String code, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.errorClass = errorClass;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ConnectorException permanent(String code, String detail) {
        return new ConnectorException(ErrorClass.PERMANENT, code, detail, null);
    }

    public static ConnectorException unavailable(String detail) {
        return new ConnectorException(ErrorClass.TRANSIENT, ErrorCodes.SERVER_UNAVAILABLE, detail, null);
    }

    public static ConnectorException throttled(String detail, Duration retryAfter) {
        return new ConnectorException(ErrorClass.THROTTLED, ErrorCodes.THROTTLED, detail, retryAfter);
    }

    /** I/O failures: a TLS handshake failure is permanent, everything else (refused, reset, timeout) transient. */
    public static ConnectorException fromIo(Throwable e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return permanent(ErrorCodes.SECURE_CONNECTION_FAILED, what + ": TLS handshake failed");
            }
        }
        return unavailable(what + ": " + e.getClass().getSimpleName());
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

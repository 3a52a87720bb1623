package io.exsync.events.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Which failures are the infrastructure's (retry) rather than the record's (fail), and the retry loop itself. */
public final class TransientFailures {

    /** First and largest pause between attempts. */
    public record Backoff(Duration first, Duration max) {
    }

    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** Told about every retried attempt: its number and a one-line description of the fault (no data). */
    public interface Listener {
        void retrying(int attempt, String fault);
    }

    private TransientFailures() {
    }

    /** Calls {@code work} until it returns or fails with a non-transient exception (thrown as is). */
    public static <T> T retry(Callable<T> work, Backoff backoff, Listener listener) throws Exception {
        long pause = backoff.first().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (Exception e) {
                String fault = describe(e);
                if (fault == null) {
                    throw e;
                }
                listener.retrying(attempt, fault);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, backoff.max().toMillis());
            }
        }
    }

    /**
     * A short description when {@code failure} is transient (anywhere in its cause chain or among the suppressed
     * exceptions along it), else null. A commit the server cut off arrives as a RollbackException whose database
     * error is only a suppressed XAException (Narayana), so the suppressed ones count.
     */
    public static String describe(Throwable failure) {
        return describe(failure, 0);
    }

    private static String describe(Throwable failure, int depth) {
        if (depth > 5) {
            return null;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                String found = describe(suppressed, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (sql instanceof SQLTransientException || transientState(state)
                        || state == null && String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return "database unavailable or busy (SQLState " + state + ")";
                }
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.hibernate.exception.LockAcquisitionException")
                    || name.equals("jakarta.persistence.PessimisticLockException")
                    || name.equals("jakarta.persistence.LockTimeoutException")) {
                return "database unavailable or busy (" + t.getClass().getSimpleName() + ")";
            }
        }
        return null;
    }

    /** 08 connection, 53 resources, 57 operator intervention (shutdown, restart), 40 rollback (serialization, deadlock), 55P03 lock. */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40") || state.equals("55P03"));
    }
}

package io.exsync.events.inbox;

import io.exsync.events.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientFailuresTest {

    private static final TransientFailures.Backoff FAST =
            new TransientFailures.Backoff(Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void databaseOutagesLocksAndRefusedConnectionsAreTransientWhereverTheyAreInTheCauseChain() {
        assertThat(TransientFailures.describe(new RuntimeException(new SQLException("gone", "08006"))))
                .contains("08006");
        assertThat(TransientFailures.describe(new SQLException("terminating connection", "57P01"))).isNotNull();
        assertThat(TransientFailures.describe(new SQLException("deadlock", "40P01"))).isNotNull();
        assertThat(TransientFailures.describe(new SQLException("Acquisition timeout while waiting"))).isNotNull();
        assertThat(TransientFailures.describe(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo("connection refused");
    }

    @Test
    void aCommitCutOffByTheServerIsTransientThoughItsDatabaseErrorIsOnlySuppressed() {
        // the shape Narayana throws when the connection dies at commit (seen in bench/chaos's PostgreSQL restart)
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to transactionCommit");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(TransientFailures.describe(new RuntimeException("Error invoking subclass method", rollback)))
                .contains("57P01");

        Exception businessRollback = new Exception("ARJUNA016053: Could not commit transaction.");
        businessRollback.addSuppressed(new IllegalStateException("a rule failed"));
        assertThat(TransientFailures.describe(businessRollback)).isNull();
    }

    @Test
    void theRecordsOwnFaultsAndBugsAreNotTransient() {
        assertThat(TransientFailures.describe(new InvalidEventException("not JSON"))).isNull();
        assertThat(TransientFailures.describe(new NullPointerException())).isNull();
        assertThat(TransientFailures.describe(new SQLException("duplicate key", "23505"))).isNull();
        assertThat(TransientFailures.describe(new SQLException("syntax", "42601"))).isNull();
    }

    @Test
    void retriesTransientFailuresUntilTheWorkSucceedsAndReportsEachAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> attempts = new ArrayList<>();
        String result = TransientFailures.retry(() -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException(new SQLException("database restarting", "57P03"));
            }
            return "done";
        }, FAST, (attempt, fault) -> attempts.add(attempt));
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(4);
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void anInvalidRecordFailsAtOnceWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry(() -> {
            calls.incrementAndGet();
            throw new InvalidEventException("unknown ce_type");
        }, FAST, (attempt, fault) -> { }))
                .isInstanceOf(InvalidEventException.class);
        assertThat(calls).hasValue(1);
    }
}

package io.exsync.events.inbox;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * Runs before the transaction interceptor (lower priority number = outer), so every attempt gets a transaction of its
 * own. Back-off doubles from 100 ms up to 5 s; retries last as long as the fault (the partition waits, nothing is
 * skipped). Logs the kind of fault, never the record.
 */
@RetryTransient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryTransientInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryTransientInterceptor.class);

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        String where = context.getMethod().getDeclaringClass().getSimpleName();
        return TransientFailures.retry(context::proceed, TransientFailures.DEFAULT_BACKOFF, (attempt, fault) ->
                LOG.warnf("%s: %s (attempt %d); retrying", where, fault, attempt));
    }
}

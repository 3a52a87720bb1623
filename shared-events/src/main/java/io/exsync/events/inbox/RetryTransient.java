package io.exsync.events.inbox;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a consumer method: a failure of the infrastructure (database unreachable or restarting, a lock or
 * serialization conflict) re-runs the whole method, in a new transaction, until it succeeds — the record is neither
 * lost nor sent to the dead-letter topic for a fault that is not the record's. Anything else (an invalid record, a
 * bug) fails at once and takes the channel's failure strategy. Put it next to {@code @Transactional}: it wraps it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryTransient {
}

package io.exsync.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A body that Jackson could not bind when a service binds it itself (e.g. after a JSON merge patch): 400. */
public class JsonBodyException extends RuntimeException {

    public JsonBodyException(JsonProcessingException cause) {
        super("unreadable JSON body", cause, false, false);
    }

    @Override
    public synchronized JsonProcessingException getCause() {
        return (JsonProcessingException) super.getCause();
    }
}

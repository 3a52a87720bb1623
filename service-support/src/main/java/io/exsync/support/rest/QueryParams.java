package io.exsync.support.rest;

import io.exsync.support.problem.ApiException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters parsed by hand, so that a bad value is a 400 naming the parameter (JAX-RS would answer 404 for a
 * query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(name, "must be a UUID");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.validation(name, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    public static OffsetDateTime timestamp(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name, "must be an RFC 3339 timestamp such as 2026-12-04T10:00:00Z");
        }
    }
}

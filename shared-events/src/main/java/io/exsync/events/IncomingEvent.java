package io.exsync.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A CloudEvent read from Kafka in binary mode. {@link #from(ConsumerRecord)} rejects what can never be processed
 * with {@link InvalidEventException}, so the channel's dead-letter strategy moves it to {@code <topic>.dlq}.
 * An unknown {@code ce_type} is invalid too: an operator finds it on the DLQ instead of it vanishing.
 */
public record IncomingEvent(UUID id, EventType type, String source, String subject,
                            OffsetDateTime time, String environment, JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<?, String> record) {
        Headers headers = record.headers();
        UUID id = parseId(required(headers, CloudEventHeaders.ID));
        String ceType = required(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("event " + id + " has unknown type " + ceType));
        String source = required(headers, CloudEventHeaders.SOURCE);
        String subject = optional(headers, CloudEventHeaders.SUBJECT);
        OffsetDateTime time = parseTime(optional(headers, CloudEventHeaders.TIME));
        String environment = optional(headers, CloudEventHeaders.ENVIRONMENT);
        if (record.value() == null) {
            throw new InvalidEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = EventJson.parse(record.value());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event " + id + " data is not JSON");
        }
        if (!data.isObject()) {
            throw new InvalidEventException("event " + id + " data is not a JSON object");
        }
        return new IncomingEvent(id, type, source, subject, time, environment, data);
    }

    /** The data as the record of its type; a body that does not fit the record is invalid. */
    public <T extends ExSyncEvent> T as(Class<T> recordClass) {
        try {
            return EventJson.convert(data, recordClass);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event " + id + " data does not match " + recordClass.getSimpleName());
        }
    }

    public ExSyncEvent event() {
        return as(type.recordClass());
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID parseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("ce_id is not a UUID");
        }
    }

    private static OffsetDateTime parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an RFC 3339 timestamp");
        }
    }
}

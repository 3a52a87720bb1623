package io.exsync.bench.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code key=value} lines on stdout and appended to {@code bench.out} (read by bench/outbox/run). */
final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        values.put(key, String.valueOf(value));
    }

    void put(String key, double value, int decimals) {
        values.put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    void write(String file) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        System.out.print(text.toString().lines().map(l -> "RESULT " + l + "\n").reduce("", String::concat));
        if (file != null && !file.isBlank()) {
            try {
                Files.writeString(Path.of(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

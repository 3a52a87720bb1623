package io.exsync.support;

import java.util.Arrays;

/**
 * A version like {@code 9.2.22104.00170}, compared numerically part by part: {@code 9.10.0.0 > 9.2.22104.00170},
 * {@code 9.2.22104.170 == 9.2.22104.00170}; missing trailing parts count as 0.
 */
public record DottedVersion(long[] parts) implements Comparable<DottedVersion> {

    public static final String PATTERN = "\\d{1,9}(\\.\\d{1,9}){0,5}";

    public static DottedVersion parse(String text) {
        if (text == null || !text.matches(PATTERN)) {
            throw new IllegalArgumentException("not a dotted version: up to six numeric parts");
        }
        return new DottedVersion(Arrays.stream(text.split("\\.")).mapToLong(Long::parseLong).toArray());
    }

    public boolean isAtLeast(DottedVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(DottedVersion other) {
        int length = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < length; i++) {
            long a = i < parts.length ? parts[i] : 0;
            long b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DottedVersion other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        long[] trimmed = parts;
        int end = trimmed.length;
        while (end > 1 && trimmed[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(trimmed, end));
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(Long::toString).toList());
    }
}

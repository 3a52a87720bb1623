package io.exsync.approval.domain;

/** How far a privilege reaches: one's own records ({@code USER}) or the whole environment ({@code ORGANIZATION}). */
public enum Depth {
    USER, ORGANIZATION;

    public boolean covers(Depth required) {
        return compareTo(required) >= 0;
    }
}

package io.exsync.profile.domain;

public enum Deployment {
    ONLINE, ON_PREMISES
}

package io.exsync.profile.domain;

public enum ProfileState {
    ACTIVE, INACTIVE
}

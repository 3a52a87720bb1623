package io.exsync.profile.domain;

public enum ActDeliveryMethod {
    OUTLOOK, SERVER_SIDE_SYNC, NONE
}

package io.exsync.profile.domain;

public enum OutgoingDeliveryMethod {
    NONE, OUTLOOK, SERVER_SIDE_SYNC
}

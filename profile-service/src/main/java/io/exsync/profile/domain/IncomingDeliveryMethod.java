package io.exsync.profile.domain;

public enum IncomingDeliveryMethod {
    NONE, OUTLOOK, SERVER_SIDE_SYNC, FORWARD_MAILBOX
}

package io.exsync.approval.rest;

import io.exsync.approval.domain.Mailbox;

import java.util.UUID;

public record RegardingDto(String type, UUID id, String name) {

    public static RegardingDto of(Mailbox mailbox) {
        return new RegardingDto(mailbox.regardingType, mailbox.regardingId, mailbox.regardingName);
    }
}

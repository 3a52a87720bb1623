package io.exsync.approval.domain;

import java.util.Set;

/** "Exchange Online" vs "on-premises" of SPEC §5: the class of a mailbox's profile server type (SPEC §4 table). */
public enum ServerClass {
    EXCHANGE_ONLINE, ON_PREMISES;

    private static final Set<String> EXCHANGE_ONLINE_TYPES = Set.of("EXCHANGE_ONLINE", "EXCHANGE_ONLINE_HYBRID");

    public static ServerClass of(String serverType) {
        return EXCHANGE_ONLINE_TYPES.contains(serverType) ? EXCHANGE_ONLINE : ON_PREMISES;
    }
}

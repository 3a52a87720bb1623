package io.exsync.approval.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The roles every environment is born with (SPEC §4): listed everywhere, never deleted, never changed. */
public enum BuiltInRole {
    SYSTEM_ADMINISTRATOR("System Administrator", allPrivileges()),
    DELEGATED_MAILBOX_APPROVER("Delegated Mailbox Approver",
            Map.of(Privilege.ApproveEmailAddressesForUsersOrQueues, Depth.ORGANIZATION)),
    BASIC_USER("Basic User", Map.of(Privilege.MailboxWrite, Depth.USER));

    private final String roleName;
    private final Map<Privilege, Depth> privileges;

    BuiltInRole(String roleName, Map<Privilege, Depth> privileges) {
        this.roleName = roleName;
        this.privileges = privileges;
    }

    public String roleName() {
        return roleName;
    }

    public Map<Privilege, Depth> privileges() {
        return privileges;
    }

    public static Optional<BuiltInRole> named(String name) {
        return Arrays.stream(values()).filter(role -> role.roleName.equals(name)).findFirst();
    }

    private static Map<Privilege, Depth> allPrivileges() {
        Map<Privilege, Depth> all = new java.util.EnumMap<>(Privilege.class);
        for (Privilege privilege : Privilege.values()) {
            all.put(privilege, Depth.ORGANIZATION);
        }
        return Map.copyOf(all);
    }
}

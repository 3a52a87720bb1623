package io.exsync.approval.service;

import io.exsync.approval.domain.Depth;
import io.exsync.approval.domain.Privilege;

import java.util.Map;
import java.util.Set;

/** The environment roles a user holds and the privileges those roles give (the widest depth of each). */
public record Entitlements(Set<String> builtInRoles, Set<String> allRoleNames, Map<Privilege, Depth> privileges) {

    public boolean hasRole(String builtInRoleName) {
        return builtInRoles.contains(builtInRoleName);
    }

    public boolean holds(Privilege privilege, Depth atLeast) {
        Depth held = privileges.get(privilege);
        return held != null && held.covers(atLeast);
    }

    public boolean holds(Privilege privilege) {
        return privileges.containsKey(privilege);
    }

    public boolean isEmpty() {
        return allRoleNames.isEmpty();
    }
}

package io.exsync.simulator.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the scenario; replaced as a whole, so readers never see half an update. */
public record Scenario(long latencyMs, Map<String, Tenant> tenants, Map<String, Mailbox> mailboxesByKey,
                       Map<String, Mailbox> mailboxesByObjectId) {

    public static final Scenario EMPTY = new Scenario(0, Map.of(), Map.of(), Map.of());

    public static Scenario of(long latencyMs, Map<String, Tenant> tenants, Collection<Mailbox> mailboxes) {
        Map<String, Mailbox> byKey = new LinkedHashMap<>();
        Map<String, Mailbox> byObjectId = new LinkedHashMap<>();
        for (Mailbox mailbox : mailboxes) {
            byKey.put(Mailbox.key(mailbox.email()), mailbox);
            byObjectId.put(mailbox.objectId(), mailbox);
        }
        return new Scenario(latencyMs, Map.copyOf(tenants), byKey, byObjectId);
    }

    /** By email (case-insensitive) or by directory object id. */
    public Optional<Mailbox> mailbox(String emailOrId) {
        if (emailOrId == null) {
            return Optional.empty();
        }
        Mailbox byEmail = mailboxesByKey.get(Mailbox.key(emailOrId));
        return Optional.ofNullable(byEmail != null ? byEmail : mailboxesByObjectId.get(emailOrId.trim()));
    }

    /** The tenant that registered this client id, if any (client ids are unique across tenants). */
    public Optional<Tenant> tenantOfApp(String clientId) {
        return tenants.values().stream().filter(t -> t.appSecrets().containsKey(clientId)).findFirst();
    }
}

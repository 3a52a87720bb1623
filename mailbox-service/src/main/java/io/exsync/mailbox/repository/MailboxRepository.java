package io.exsync.mailbox.repository;

import io.exsync.mailbox.domain.Mailbox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MailboxRepository implements PanacheRepositoryBase<Mailbox, UUID> {

    public Optional<Mailbox> findInEnvironment(UUID environmentId, UUID mailboxId) {
        return find("id = ?1 and environmentId = ?2", mailboxId, environmentId).firstResultOptional();
    }

    /** The mailboxes of an environment among {@code ids} (up to 10,000 at once: one query with an array). */
    public List<Mailbox> findAllInEnvironment(UUID environmentId, Collection<UUID> ids) {
        return getEntityManager().createNativeQuery(
                        "select * from mailbox where environment_id = ?1 and id = any (?2)", Mailbox.class)
                .setParameter(1, environmentId)
                .setParameter(2, ids.toArray(UUID[]::new))
                .getResultList();
    }

    public boolean addressTaken(UUID environmentId, String emailAddress) {
        return count("environmentId = ?1 and lower(emailAddress) = lower(?2) and state = 'ACTIVE'",
                environmentId, emailAddress) > 0;
    }

    public List<Mailbox> activeOfProfile(UUID profileId) {
        return list("profileId = ?1 and state = 'ACTIVE' order by id", profileId);
    }
}

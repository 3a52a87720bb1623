package io.exsync.approval.repository;

import io.exsync.approval.domain.ApprovalStatus;
import io.exsync.approval.domain.Mailbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MailboxRepository implements PanacheRepositoryBase<Mailbox, UUID> {

    public Optional<Mailbox> findInEnvironment(UUID environmentId, UUID mailboxId) {
        return find("id = ?1 and environmentId = ?2", mailboxId, environmentId).firstResultOptional();
    }

    /** Locks the mailbox row: concurrent decisions on one mailbox serialize, so each change is published once. */
    public Optional<Mailbox> lockInEnvironment(UUID environmentId, UUID mailboxId) {
        return find("id = ?1 and environmentId = ?2", mailboxId, environmentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Mailbox> lock(UUID mailboxId) {
        return findByIdOptional(mailboxId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Mailboxes with an approval status; without one, every mailbox whose approval was ever asked or decided. */
    public PanacheQuery<Mailbox> approvals(UUID environmentId, ApprovalStatus status) {
        Sort sort = Sort.by("requestedOn").and("emailAddress").and("id");
        return status == null
                ? find("environmentId = ?1 and approvalStatus <> ?2", sort, environmentId, ApprovalStatus.EMPTY)
                : find("environmentId = ?1 and approvalStatus = ?2", sort, environmentId, status);
    }
}

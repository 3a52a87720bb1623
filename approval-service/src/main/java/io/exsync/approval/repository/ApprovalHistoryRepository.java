package io.exsync.approval.repository;

import io.exsync.approval.domain.ApprovalRecord;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ApprovalHistoryRepository implements PanacheRepositoryBase<ApprovalRecord, UUID> {

    public PanacheQuery<ApprovalRecord> ofMailbox(UUID mailboxId) {
        return find("mailboxId", Sort.by("at").and("id"), mailboxId);
    }
}

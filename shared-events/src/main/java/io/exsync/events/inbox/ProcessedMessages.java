package io.exsync.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The idempotent consumer: call {@link #firstDelivery} inside the transaction of the effect. The row and the effect
 * commit together, so a redelivered event (same {@code ce_id}) finds its row and is skipped; a concurrent duplicate
 * waits on the primary key and then sees it.
 */
@ApplicationScoped
public class ProcessedMessages {

    private final EntityManager entityManager;

    public ProcessedMessages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return entityManager.createNativeQuery("""
                        insert into processed_message (consumer, event_id) values (?1, ?2)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}

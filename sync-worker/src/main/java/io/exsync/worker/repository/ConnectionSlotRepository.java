package io.exsync.worker.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Leased slots in {@code connection_slot}: the cross-instance half of the concurrency caps. */
@ApplicationScoped
public class ConnectionSlotRepository {

    private final EntityManager entityManager;

    public ConnectionSlotRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes a free slot of {@code key} (never taken, or its lease ran out) for {@code holder}; returns its number, or
     * -1 when all {@code capacity} slots are held. Two instances racing for one slot: one inserts, the other hits the
     * primary key and takes nothing (the conflict update applies only to an expired lease).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int tryAcquire(String key, int capacity, UUID holder, OffsetDateTime leaseUntil) {
        List<Number> slots = entityManager.createNativeQuery("""
                        insert into connection_slot (key, slot, holder, lease_until)
                        select ?1, s, ?2, ?3 from generate_series(0, ?4 - 1) s
                        where not exists (select 1 from connection_slot c
                                          where c.key = ?1 and c.slot = s and c.lease_until > now())
                        order by random() limit 1
                        on conflict (key, slot) do update set holder = excluded.holder,
                                                              lease_until = excluded.lease_until
                        where connection_slot.lease_until <= now()
                        returning slot""")
                .setParameter(1, key).setParameter(2, holder).setParameter(3, leaseUntil).setParameter(4, capacity)
                .getResultList();
        return slots.isEmpty() ? -1 : slots.get(0).intValue();
    }

    /** Extends the leases of the slots these holders hold (a slot already given back is not brought back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int renew(List<UUID> holders, OffsetDateTime leaseUntil) {
        return entityManager.createNativeQuery("update connection_slot set lease_until = ?1 where holder in (?2)")
                .setParameter(1, leaseUntil).setParameter(2, holders).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key, int slot, UUID holder) {
        entityManager.createNativeQuery("delete from connection_slot where key = ?1 and slot = ?2 and holder = ?3")
                .setParameter(1, key).setParameter(2, slot).setParameter(3, holder).executeUpdate();
    }
}

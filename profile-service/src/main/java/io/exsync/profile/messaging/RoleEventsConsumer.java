package io.exsync.profile.messaging;

import io.exsync.events.IncomingEvent;
import io.exsync.events.RoleEvent;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.profile.repository.EnvironmentRoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the read model of users' environment roles from approval-service's RoleAssigned / RoleRevoked. */
@ApplicationScoped
public class RoleEventsConsumer {

    static final String CONSUMER = "profile-service.roles";

    private final ProcessedMessages processed;
    private final EnvironmentRoleRepository roles;

    public RoleEventsConsumer(ProcessedMessages processed, EnvironmentRoleRepository roles) {
        this.processed = processed;
        this.roles = roles;
    }

    @Incoming("approval-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!(event.event() instanceof RoleEvent role) || !"USER".equals(role.principalType())
                || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (role instanceof RoleEvent.RoleAssigned assigned) {
            roles.grant(assigned.environmentId(), assigned.principalId(), assigned.roleName());
        } else if (role instanceof RoleEvent.RoleRevoked revoked) {
            roles.revoke(revoked.environmentId(), revoked.principalId(), revoked.roleName());
        }
    }
}

package io.exsync.mailbox.messaging;

import io.exsync.events.ApprovalEvent.MailboxApprovalRejected;
import io.exsync.events.ApprovalEvent.MailboxApproved;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.IncomingEvent;
import io.exsync.events.RoleEvent.RoleAssigned;
import io.exsync.events.RoleEvent.RoleRevoked;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.mailbox.domain.Enums.Approval;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.repository.MailboxRepository;
import io.exsync.mailbox.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Approval decisions set {@code emailAddressApproval}; role assignments feed the MailboxWrite read model. */
@ApplicationScoped
public class ApprovalEventsConsumer {

    static final String CONSUMER = "mailbox-service.approval-events";

    private final ProcessedMessages processed;
    private final ReadModelRepository readModels;
    private final MailboxRepository mailboxes;

    public ApprovalEventsConsumer(ProcessedMessages processed, ReadModelRepository readModels,
                                  MailboxRepository mailboxes) {
        this.processed = processed;
        this.readModels = readModels;
        this.mailboxes = mailboxes;
    }

    @Incoming("approval-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        ExSyncEvent data = event.event();
        if (data instanceof MailboxApproved e) {
            decide(e.mailboxId(), Approval.APPROVED);
        } else if (data instanceof MailboxApprovalRejected e) {
            decide(e.mailboxId(), Approval.REJECTED);
        } else if (data instanceof RoleAssigned e && "USER".equals(e.principalType())) {
            readModels.grant(e.environmentId(), e.principalId(), e.roleName());
        } else if (data instanceof RoleRevoked e && "USER".equals(e.principalType())) {
            readModels.revoke(e.environmentId(), e.principalId(), e.roleName());
        }
    }

    private void decide(java.util.UUID mailboxId, Approval approval) {
        Mailbox mailbox = mailboxes.findById(mailboxId);
        if (mailbox != null) {
            mailbox.emailAddressApproval = approval;
            mailbox.modifiedOn = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }
}

package io.exsync.mailbox.messaging;

import io.exsync.events.IncomingEvent;
import io.exsync.events.MailboxEvent.MailboxStatusChanged;
import io.exsync.events.MailboxTestEvent.MailboxTestCompleted;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.events.outbox.Outbox;
import io.exsync.mailbox.config.MailboxConfig;
import io.exsync.mailbox.domain.Enums.TestStatus;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.repository.MailboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Test results set the status columns. A result older than the one already applied (compared by test completion
 * time) changes nothing, so a late or redelivered result never overwrites a newer one.
 */
@ApplicationScoped
public class SyncEventsConsumer {

    static final String CONSUMER = "mailbox-service.sync-events";

    private final ProcessedMessages processed;
    private final MailboxRepository mailboxes;
    private final Outbox outbox;
    private final MailboxConfig config;

    public SyncEventsConsumer(ProcessedMessages processed, MailboxRepository mailboxes, Outbox outbox,
                              MailboxConfig config) {
        this.processed = processed;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
        this.config = config;
    }

    @Incoming("sync-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!(event.event() instanceof MailboxTestCompleted result) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if ("CANCELLED".equals(result.outcome()) || result.completedOn() == null) {
            return;
        }
        Mailbox mailbox = mailboxes.findById(result.mailboxId(), LockModeType.PESSIMISTIC_WRITE);
        if (mailbox == null || (mailbox.lastTestCompletedOn != null
                && !result.completedOn().isAfter(mailbox.lastTestCompletedOn))) {
            return;
        }
        mailbox.incomingEmailStatus = TestStatus.valueOf(result.incomingEmailStatus());
        mailbox.outgoingEmailStatus = TestStatus.valueOf(result.outgoingEmailStatus());
        mailbox.actStatus = TestStatus.valueOf(result.actStatus());
        mailbox.mailboxStatus = TestStatus.valueOf(result.mailboxStatus());
        mailbox.enabledForIncomingEmail = result.enabledForIncomingEmail();
        mailbox.enabledForOutgoingEmail = result.enabledForOutgoingEmail();
        mailbox.enabledForAct = result.enabledForAct();
        mailbox.lastTestCompletedOn = result.completedOn();
        mailbox.lastTestJobId = result.jobId();
        if (result.errorCode() == null) {
            mailbox.lastErrorCode = null;
            mailbox.lastErrorMessage = null;
            mailbox.lastErrorOccurredOn = null;
            mailbox.lastErrorTransient = null;
            mailbox.transientFailureCount = 0;
            mailbox.postponedUntil = null;
        } else {
            mailbox.lastErrorCode = result.errorCode();
            mailbox.lastErrorMessage = result.message();
            mailbox.lastErrorOccurredOn = result.completedOn();
            mailbox.lastErrorTransient = result.transientError();
            if (result.transientError()) {
                mailbox.transientFailureCount++;
                mailbox.postponedUntil = result.completedOn().plus(config.transientRetryInterval());
            } else {
                mailbox.transientFailureCount = 0;
                mailbox.postponedUntil = null;
            }
        }
        mailbox.modifiedOn = result.completedOn();
        outbox.append(new MailboxStatusChanged(mailbox.environmentId, mailbox.id, result.jobId(),
                mailbox.incomingEmailStatus.name(), mailbox.outgoingEmailStatus.name(), mailbox.actStatus.name(),
                mailbox.mailboxStatus.name(), mailbox.enabledForIncomingEmail, mailbox.enabledForOutgoingEmail,
                mailbox.enabledForAct));
    }
}

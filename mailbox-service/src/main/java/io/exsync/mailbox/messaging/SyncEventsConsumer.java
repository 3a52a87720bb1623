package io.exsync.mailbox.messaging;

import io.exsync.events.IncomingEvent;
import io.exsync.events.MailboxEvent.MailboxStatusChanged;
import io.exsync.events.MailboxTestEvent.MailboxTestCompleted;
import io.exsync.events.MailboxTestEvent.MailboxTestPostponed;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.events.outbox.Outbox;
import io.exsync.mailbox.domain.Enums.TestStatus;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.repository.MailboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Test results set the status columns. A result older than the one already applied (compared by test completion
 * time) changes nothing, so a late or redelivered result never overwrites a newer one. While the worker waits to
 * retry after a transient error, MailboxTestPostponed sets {@code transientFailureCount} and {@code postponedUntil};
 * the same rule applies (its time is the event's {@code ce_time}), and every final result clears
 * {@code postponedUntil}: nothing is scheduled any more.
 */
@ApplicationScoped
public class SyncEventsConsumer {

    static final String CONSUMER = "mailbox-service.sync-events";

    private final ProcessedMessages processed;
    private final MailboxRepository mailboxes;
    private final Outbox outbox;

    public SyncEventsConsumer(ProcessedMessages processed, MailboxRepository mailboxes, Outbox outbox) {
        this.processed = processed;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
    }

    @Incoming("sync-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!(event.event() instanceof MailboxTestCompleted || event.event() instanceof MailboxTestPostponed)
                || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (event.event() instanceof MailboxTestPostponed postponed) {
            postponed(postponed, event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time());
        } else {
            completed((MailboxTestCompleted) event.event());
        }
    }

    private void postponed(MailboxTestPostponed postponed, OffsetDateTime failedOn) {
        Mailbox mailbox = mailboxes.findById(postponed.mailboxId(), LockModeType.PESSIMISTIC_WRITE);
        if (mailbox == null || (mailbox.lastTestCompletedOn != null
                && !failedOn.isAfter(mailbox.lastTestCompletedOn))) {
            return;
        }
        mailbox.transientFailureCount = postponed.transientFailureCount();
        mailbox.postponedUntil = postponed.postponedUntil();
    }

    private void completed(MailboxTestCompleted result) {
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
            // The retries ran out: this last transient failure adds to those MailboxTestPostponed counted.
            mailbox.transientFailureCount = result.transientError() ? mailbox.transientFailureCount + 1 : 0;
            mailbox.postponedUntil = null;
        }
        mailbox.modifiedOn = result.completedOn();
        outbox.append(new MailboxStatusChanged(mailbox.environmentId, mailbox.id, result.jobId(),
                mailbox.incomingEmailStatus.name(), mailbox.outgoingEmailStatus.name(), mailbox.actStatus.name(),
                mailbox.mailboxStatus.name(), mailbox.enabledForIncomingEmail, mailbox.enabledForOutgoingEmail,
                mailbox.enabledForAct));
    }
}

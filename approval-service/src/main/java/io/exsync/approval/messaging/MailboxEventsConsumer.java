package io.exsync.approval.messaging;

import io.exsync.approval.service.ReadModelService;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.IncomingEvent;
import io.exsync.events.MailboxEvent.MailboxConfigured;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.UserEvent.UserRegistered;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Users (UPN) and mailboxes (address, owner, profile, initial approval) from mailbox-service's events. */
@ApplicationScoped
public class MailboxEventsConsumer {

    static final String CONSUMER = "approval-service.mailbox-events";

    private final ProcessedMessages processed;
    private final ReadModelService readModels;

    public MailboxEventsConsumer(ProcessedMessages processed, ReadModelService readModels) {
        this.processed = processed;
        this.readModels = readModels;
    }

    @Incoming("mailbox-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent incoming = IncomingEvent.from(record);
        ExSyncEvent event = incoming.event();
        if (!relevant(event) || !processed.firstDelivery(CONSUMER, incoming.id())) {
            return;
        }
        if (event instanceof UserRegistered registered) {
            readModels.userRegistered(registered);
        } else if (event instanceof MailboxCreated created) {
            readModels.mailboxCreated(created, incoming.time());
        } else if (event instanceof MailboxConfigured configured) {
            readModels.mailboxConfigured(configured);
        }
    }

    private static boolean relevant(ExSyncEvent event) {
        return event instanceof UserRegistered || event instanceof MailboxCreated
                || event instanceof MailboxConfigured;
    }
}

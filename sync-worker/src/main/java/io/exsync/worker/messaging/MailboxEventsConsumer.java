package io.exsync.worker.messaging;

import io.exsync.events.IncomingEvent;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.worker.service.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * TestAndEnableRequested from mailbox-service, as consumer group {@code sync-worker}: instances share the 12
 * partitions. The request is stored in the job (durable queue) in the transaction that records the delivery.
 */
@ApplicationScoped
public class MailboxEventsConsumer {

    static final String CONSUMER = "sync-worker.test-requests";

    private final ProcessedMessages processed;
    private final JobService jobs;

    public MailboxEventsConsumer(ProcessedMessages processed, JobService jobs) {
        this.processed = processed;
        this.jobs = jobs;
    }

    @Incoming("mailbox-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!(event.event() instanceof TestAndEnableRequested request)
                || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        jobs.accept(request, event.data().toString());
    }
}

package io.exsync.worker.connector;

import io.exsync.worker.client.Connection;
import io.exsync.worker.domain.Workload;

import java.util.EnumMap;
import java.util.Map;

/** One protocol's way to test a mailbox: a result for every workload in {@link MailboxTarget#workloads()}. */
public interface MailboxConnector {

    Map<Workload, WorkloadResult> test(MailboxTarget mailbox, Connection connection);

    /** Runs the workloads one by one; stops at the first throttling answer (the whole test is re-run later). */
    static Map<Workload, WorkloadResult> eachWorkload(MailboxTarget mailbox, WorkloadCheck check) {
        Map<Workload, WorkloadResult> results = new EnumMap<>(Workload.class);
        for (Workload workload : Workload.values()) {
            if (!mailbox.workloads().contains(workload)) {
                continue;
            }
            try {
                mailbox.checkDeadline();
                check.run(workload);
                results.put(workload, WorkloadResult.success());
            } catch (ConnectorException e) {
                results.put(workload, WorkloadResult.failed(e));
                if (e.errorClass() == ErrorClass.THROTTLED) {
                    break;
                }
            }
        }
        return results;
    }

    interface WorkloadCheck {
        void run(Workload workload) throws ConnectorException;
    }
}

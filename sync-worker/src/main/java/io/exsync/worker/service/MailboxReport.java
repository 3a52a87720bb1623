package io.exsync.worker.service;

import io.exsync.worker.domain.TestStatus;
import io.exsync.worker.domain.Workload;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The final result of one mailbox test: status per workload, the root cause of a failure, and the alerts. */
public record MailboxReport(Map<Workload, TestStatus> statuses, String errorCode, String message,
                            boolean transientError, List<AlertDraft> alerts) {

    public record AlertDraft(String level, String code, Workload workload, String message, List<UUID> recipients) {
    }

    public TestStatus status(Workload workload) {
        return statuses.getOrDefault(workload, TestStatus.NOT_RUN);
    }

    /** FAILURE if any tested workload failed, SUCCESS if all tested ones succeeded, NOT_RUN if none was tested. */
    public TestStatus mailboxStatus() {
        if (statuses.containsValue(TestStatus.FAILURE)) {
            return TestStatus.FAILURE;
        }
        return statuses.containsValue(TestStatus.SUCCESS) ? TestStatus.SUCCESS : TestStatus.NOT_RUN;
    }
}

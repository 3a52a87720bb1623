package io.exsync.mailbox.domain;

/** The option values of SPEC §4 for mailboxes; names are the wire values. */
public final class Enums {

    private Enums() {
    }

    public enum RegardingType { USER, QUEUE }

    public enum IncomingDeliveryMethod { NONE, OUTLOOK, SERVER_SIDE_SYNC, FORWARD_MAILBOX }

    public enum OutgoingDeliveryMethod { NONE, OUTLOOK, SERVER_SIDE_SYNC }

    public enum ActDeliveryMethod { OUTLOOK, SERVER_SIDE_SYNC, NONE }

    public enum TestStatus { NOT_RUN, SUCCESS, FAILURE }

    public enum Approval { EMPTY, APPROVED, PENDING_APPROVAL, REJECTED }

    public enum MailboxState { ACTIVE, INACTIVE }

    public enum AlertLevel { INFORMATION, WARNING, ERROR }

    public enum Workload { INCOMING, OUTGOING, ACT }
}

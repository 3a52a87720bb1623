package io.exsync.approval.domain;

/** The privileges a security role can hold. System Administrator holds every one at ORGANIZATION depth. */
public enum Privilege {
    ApproveEmailAddressesForUsersOrQueues,
    MailboxRead,
    MailboxWrite
}

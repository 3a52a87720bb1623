package io.exsync.profile.domain;

public enum Protocol {
    GRAPH, EWS, IMAP_SMTP, POP3_SMTP
}

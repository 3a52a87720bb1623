package io.exsync.profile.domain;

import jakarta.persistence.Embeddable;

/** An IMAP/POP3 or SMTP server of an internet-mail profile. */
@Embeddable
public class MailServer {

    public String host;
    public Integer port;
    public Boolean useSsl;

    public MailServer() {
    }

    public MailServer(String host, Integer port, Boolean useSsl) {
        this.host = host;
        this.port = port;
        this.useSsl = useSsl;
    }
}

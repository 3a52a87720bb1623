package io.exsync.worker.connector;

import io.exsync.worker.client.Connection;
import io.exsync.worker.domain.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

import java.util.Properties;

/**
 * IMAP or POP3 (incoming: log in, open INBOX read-only) and SMTP (outgoing: connect and authenticate; nothing is
 * sent) through Jakarta Mail. TLS follows the profile's {@code useSsl}. ACT is not a mail-protocol workload: the
 * test runner marks it NOT_RUN before a connector is called.
 */
@ApplicationScoped
public class MailConnector implements MailboxConnector {

    @Override
    public java.util.Map<Workload, WorkloadResult> test(MailboxTarget mailbox, Connection connection) {
        return MailboxConnector.eachWorkload(mailbox, workload -> {
            switch (workload) {
                case INCOMING -> incoming(mailbox, connection);
                case OUTGOING -> outgoing(mailbox, connection);
                case ACT -> {
                    // never asked for: the runner leaves ACT NOT_RUN for IMAP/POP3 profiles
                }
            }
        });
    }

    private void incoming(MailboxTarget mailbox, Connection connection) throws ConnectorException {
        Connection.MailServer server = server(connection.incomingServer(), "incoming");
        String protocol = "POP3_SMTP".equals(connection.protocol()) ? "pop3" : "imap";
        if (server.ssl()) {
            protocol += "s";
        }
        Session session = Session.getInstance(properties(protocol, mailbox.remainingMs()));
        try {
            Store store = session.getStore(protocol);
            store.connect(server.host(), port(server), user(connection, mailbox), connection.password());
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                inbox.close(false);
            } finally {
                store.close();
            }
        } catch (AuthenticationFailedException e) {
            throw ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, protocol.toUpperCase() + ": login failed");
        } catch (MessagingException e) {
            throw classify(e, protocol.toUpperCase());
        }
    }

    private void outgoing(MailboxTarget mailbox, Connection connection) throws ConnectorException {
        Connection.MailServer server = server(connection.outgoingServer(), "outgoing");
        String protocol = server.ssl() ? "smtps" : "smtp";
        Properties properties = properties(protocol, mailbox.remainingMs());
        properties.put("mail." + protocol + ".auth", "true");
        try (Transport transport = Session.getInstance(properties).getTransport(protocol)) {
            transport.connect(server.host(), port(server), user(connection, mailbox), connection.password());
        } catch (AuthenticationFailedException e) {
            throw ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, "SMTP: authentication failed");
        } catch (MessagingException e) {
            throw classify(e, "SMTP");
        }
    }

    private static ConnectorException classify(MessagingException e, String protocol) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return ConnectorException.fromIo(t, protocol);
            }
        }
        return ConnectorException.unavailable(protocol + ": " + e.getClass().getSimpleName());
    }

    private static Connection.MailServer server(Connection.MailServer server, String which) throws ConnectorException {
        if (server == null || server.host() == null) {
            throw ConnectorException.permanent(ErrorCodes.MAILBOX_LOCATION_UNKNOWN, "the profile has no " + which
                    + " server");
        }
        return server;
    }

    private static int port(Connection.MailServer server) {
        return server.port() == null ? -1 : server.port();
    }

    private static String user(Connection connection, MailboxTarget mailbox) {
        return connection.username() != null ? connection.username() : mailbox.emailAddress();
    }

    private static Properties properties(String protocol, long timeoutMs) {
        Properties properties = new Properties();
        String timeout = Long.toString(Math.min(timeoutMs, Integer.MAX_VALUE));
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        return properties;
    }
}

package io.exsync.simulator.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.exsync.simulator.config.SimulatorConfig;
import io.exsync.simulator.domain.BehaviorKind;
import io.exsync.simulator.domain.Mailbox;
import io.exsync.simulator.domain.Workload;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * IMAP, SMTP and POP3 served by an embedded GreenMail. Mailboxes log in with their email and password. GreenMail
 * has no per-request hook, so behaviours act through provisioning: {@code unauthorized} gets a password nobody
 * knows, {@code not_found} and {@code no_exchange_license} get no account (both: login fails); every other kind
 * logs in normally.
 */
@ApplicationScoped
public class MailServers {

    private static final Logger LOG = Logger.getLogger(MailServers.class);

    private final SimulatorConfig config;
    private volatile GreenMail greenMail;

    public MailServers(SimulatorConfig config) {
        this.config = config;
    }

    public synchronized void start() {
        if (!config.mail().enabled() || greenMail != null) {
            return;
        }
        String bind = config.mail().bindAddress();
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(config.imapPort(), bind, ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(config.smtpPort(), bind, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(config.pop3Port(), bind, ServerSetup.PROTOCOL_POP3)});
        server.start();
        greenMail = server;
        LOG.infof("Mail servers on %s: IMAP %d, SMTP %d, POP3 %d", bind, server.getImap().getPort(),
                server.getSmtp().getPort(), server.getPop3().getPort());
    }

    void stop(@Observes ShutdownEvent event) {
        GreenMail server = greenMail;
        if (server != null) {
            server.stop();
        }
    }

    public OptionalInt imapPort() {
        GreenMail server = greenMail;
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getImap().getPort());
    }

    public OptionalInt smtpPort() {
        GreenMail server = greenMail;
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getSmtp().getPort());
    }

    public OptionalInt pop3Port() {
        GreenMail server = greenMail;
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getPop3().getPort());
    }

    /** Creates (or re-creates) the accounts of these mailboxes; {@code replaceAll} first removes every account. */
    public synchronized void provision(Collection<Mailbox> mailboxes, boolean replaceAll) {
        GreenMail server = greenMail;
        if (server == null) {
            return;
        }
        UserManager users = server.getUserManager();
        if (replaceAll) {
            for (GreenMailUser user : new ArrayList<>(users.listUser())) {
                users.deleteUser(user);
            }
        }
        for (Mailbox mailbox : mailboxes) {
            GreenMailUser existing = users.getUser(mailbox.email());
            if (existing != null) {
                users.deleteUser(existing);
            }
            BehaviorKind kind = mailbox.behavior().kind();
            boolean governsMail = mailbox.behavior().appliesTo(Workload.INCOMING)
                    || mailbox.behavior().appliesTo(Workload.OUTGOING);
            if (governsMail && (kind == BehaviorKind.NOT_FOUND || kind == BehaviorKind.NO_EXCHANGE_LICENSE)) {
                continue;
            }
            String password = governsMail && kind == BehaviorKind.UNAUTHORIZED
                    ? UUID.randomUUID().toString() : mailbox.password();
            server.setUser(mailbox.email(), mailbox.email(), password);
        }
    }
}

package io.exsync.simulator.mail;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static io.exsync.simulator.SimulatorFixtures.PASSWORD;
import static io.exsync.simulator.SimulatorFixtures.behavior;
import static io.exsync.simulator.SimulatorFixtures.mailbox;
import static io.exsync.simulator.SimulatorFixtures.putScenario;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Mail (Angus), as the IMAP_SMTP / POP3_SMTP connectors use it, against the embedded servers. */
@QuarkusTest
class MailServersTest {

    private int imapPort;
    private int smtpPort;
    private int pop3Port;

    @BeforeEach
    void scenario() {
        putScenario(0,
                mailbox("ada@contoso.com", behavior("ok")),
                mailbox("unauth@contoso.com", behavior("unauthorized")),
                mailbox("gone@contoso.com", behavior("not_found")));
        var info = given().get("/admin/info").then().statusCode(200).extract().jsonPath();
        imapPort = info.getInt("imapPort");
        smtpPort = info.getInt("smtpPort");
        pop3Port = info.getInt("pop3Port");
    }

    private static Session session(Properties properties) {
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.pop3.connectiontimeout", "5000");
        properties.put("mail.pop3.timeout", "5000");
        return Session.getInstance(properties);
    }

    @Test
    void logsInOverImapAndOpensTheInbox() throws Exception {
        Store store = session(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, "ada@contoso.com", PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isGreaterThanOrEqualTo(0);
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void sendsOverSmtpWithAuthToTheMailboxItself() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        Session session = session(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("ada@contoso.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@contoso.com"));
        message.setSubject("ExSync outgoing check");
        message.setText("test");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", smtpPort, "ada@contoso.com", PASSWORD);
            transport.sendMessage(message, message.getAllRecipients());
        }

        Store pop3 = session(new Properties()).getStore("pop3");
        pop3.connect("127.0.0.1", pop3Port, "ada@contoso.com", PASSWORD);
        pop3.close();
    }

    @Test
    void rejectsWrongPasswordsAndUnauthorizedOrMissingMailboxes() throws Exception {
        for (String[] login : new String[][]{{"ada@contoso.com", "wrong"}, {"unauth@contoso.com", PASSWORD},
                {"gone@contoso.com", PASSWORD}}) {
            Store store = session(new Properties()).getStore("imap");
            assertThatThrownBy(() -> store.connect("127.0.0.1", imapPort, login[0], login[1]))
                    .as("IMAP login of %s", login[0]).isInstanceOf(AuthenticationFailedException.class);
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        Transport transport = session(properties).getTransport("smtp");
        assertThatThrownBy(() -> transport.connect("127.0.0.1", smtpPort, "ada@contoso.com", "wrong"))
                .isInstanceOf(AuthenticationFailedException.class);
    }
}

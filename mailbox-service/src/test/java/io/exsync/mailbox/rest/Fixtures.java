package io.exsync.mailbox.rest;

import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.RoleEvent.RoleAssigned;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Environments as profile-service announces them (events on the test topics), and callers. Every test makes its
 * own tenant, environment and users, so tests never see each other's data.
 */
final class Fixtures {

    static final String MAILBOX_TOPIC = TestTopics.PREFIX + "mailbox.events";

    private Fixtures() {
    }

    static String token(UUID sub, String tenant, String groups) {
        return groups == null || groups.isEmpty()
                ? TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant)
                : TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant, "--groups", groups);
    }

    static String serviceToken() {
        return TestTokens.exsyncToken("--service", "--tid", "exsync-services");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    record Env(UUID id, String tenant, UUID adminId, String adminToken, UUID defaultProfile, UUID imapProfile) {
        String path(String suffix) {
            return "/api/v1/environments/" + id + suffix;
        }
    }

    /** An ONLINE environment with an Exchange Online default profile and an IMAP profile, approvals required. */
    static Env environment(TestEvents events) {
        return environment(events, true, true);
    }

    static Env environment(TestEvents events, boolean approvedUsersOnly, boolean approvedQueuesOnly) {
        UUID id = UUID.randomUUID();
        String tenant = "tenant-" + UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID online = UUID.randomUUID();
        UUID imap = UUID.randomUUID();
        events.publish(new EnvironmentRegistered(id, tenant, "Contoso", "ONLINE", "9.2.22104.00170", tenant, admin));
        events.publish(new ProfileCreated(id, online, "Microsoft Exchange Online", "EXCHANGE_ONLINE",
                "SERVER_TO_SERVER", "GRAPH", "PUBLIC", "ACTIVE", true, admin, 10, false));
        events.publish(new ProfileCreated(id, imap, "IMAP", "IMAP_SMTP", "CREDENTIALS_BY_USER_OR_QUEUE",
                "IMAP_SMTP", "PUBLIC", "ACTIVE", false, admin, 10, false));
        events.publish(settings(id, online, approvedUsersOnly, approvedQueuesOnly));
        Env env = new Env(id, tenant, admin, token(admin, tenant, ""), online, imap);
        awaitProfile(env, online);
        awaitProfile(env, imap);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(env.adminToken())
                .body(Map.of("fullName", "Probe", "email", "probe-" + UUID.randomUUID() + "@contoso.com",
                        "userPrincipalName", "probe@contoso.com")).post(env.path("/users")).then().extract()
                .path("mailboxId") != null && defaultIs(env, online, approvedUsersOnly));
        return env;
    }

    static EmailSettingsChanged settings(UUID environmentId, UUID defaultProfile, boolean users, boolean queues) {
        return new EmailSettingsChanged(environmentId, defaultProfile, "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC",
                "SERVER_SIDE_SYNC", users, queues, false, false);
    }

    /** Waits until the read model knows the profile (a PATCH to it stops answering 400 "not a profile"). */
    static void awaitProfile(Env env, UUID profile) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String mailbox = createUser(env, "Await " + UUID.randomUUID());
            return as(env.adminToken()).body(Map.of("profileId", profile.toString()))
                    .patch(env.path("/mailboxes/" + mailbox)).statusCode() == 200;
        });
    }

    static boolean defaultIs(Env env, UUID profile, boolean approvalRequired) {
        String mailbox = createUser(env, "Default " + UUID.randomUUID());
        var body = as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then().extract();
        return profile.toString().equals(body.path("profileId"))
                && (approvalRequired ? "PENDING_APPROVAL" : "EMPTY").equals(body.path("emailAddressApproval"));
    }

    /** Creates a user as the environment's admin; returns the mailbox id (null while the environment is unknown). */
    static String createUser(Env env, String name) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + UUID.randomUUID().toString()
                .substring(0, 8) + "@contoso.com";
        return as(env.adminToken()).body(Map.of("fullName", name, "email", email, "userPrincipalName", email))
                .post(env.path("/users")).then().extract().path("mailboxId");
    }

    static void grant(TestEvents events, Env env, UUID user, String role) {
        events.publish(new RoleAssigned(env.id(), "USER", user, UUID.randomUUID(), role, env.adminId()));
    }
}

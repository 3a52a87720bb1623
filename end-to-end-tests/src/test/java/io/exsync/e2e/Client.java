package io.exsync.e2e;

import io.exsync.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What a client of ExSync does: tokens from ./exsync token, HTTP calls to each service's public address. */
final class Client {

    /**
     * The scenario's secrets: distinctive and new each run, so the leak check ({@link LeakCheckEndToEndTest}) cannot
     * mistake another text for one of them, nor miss one because a short value hides in ordinary words.
     */
    static final String APP_SECRET = "e2e-app-secret-" + UUID.randomUUID();
    static final String MAILBOX_PASSWORD = "e2e-mailbox-password-" + UUID.randomUUID();
    static final String SERVICE_ACCOUNT_PASSWORD = "e2e-service-account-password-" + UUID.randomUUID();

    private Client() {
    }

    static String token(UUID sub, String tenant, String groups) {
        return groups == null || groups.isEmpty()
                ? TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant)
                : TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant, "--groups", groups);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String profiles(UUID env) {
        return ExSyncSystem.url("profile-service") + "/api/v1/environments/" + env;
    }

    static String mailboxes(UUID env) {
        return ExSyncSystem.url("mailbox-service") + "/api/v1/environments/" + env;
    }

    static String approvals(UUID env) {
        return ExSyncSystem.url("approval-service") + "/api/v1/environments/" + env;
    }

    static String topic(String name) {
        return ExSyncSystem.topicPrefix() + name;
    }

    /** A tenant whose Global Administrator created an ONLINE environment with Exchange Online in the same tenant. */
    record Tenant(String id, UUID admin, String adminToken, UUID environment, UUID exchangeOnlineProfile) {
    }

    static Tenant onlineTenant() {
        String tenant = "contoso-" + UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String token = token(admin, tenant, "GlobalAdministrator,ExchangeAdministrator");
        var created = as(token).body(Map.of("name", "Contoso", "tenantId", tenant, "deployment", "ONLINE",
                        "version", "9.2.22104.00170", "exchangeOnlineTenantId", tenant))
                .post(ExSyncSystem.url("profile-service") + "/api/v1/environments").then().statusCode(201).extract();
        return new Tenant(tenant, admin, token, UUID.fromString(created.path("id")),
                UUID.fromString(created.path("defaultProfileId")));
    }

    static Map<String, Object> settings(UUID defaultProfile, boolean approvedUsersOnly, boolean approvedQueuesOnly) {
        return Map.of("defaultProfileId", defaultProfile.toString(), "incomingDeliveryMethod", "SERVER_SIDE_SYNC",
                "outgoingDeliveryMethod", "SERVER_SIDE_SYNC", "actDeliveryMethod", "SERVER_SIDE_SYNC",
                "processEmailsOnlyForApprovedUsers", approvedUsersOnly,
                "processEmailsOnlyForApprovedQueues", approvedQueuesOnly,
                "requirePrivilegeToSelfApproveEmailAddress", false, "notifyMailboxOwner", false);
    }

    static List<String> ids(Object... ids) {
        return java.util.Arrays.stream(ids).map(Object::toString).toList();
    }
}

package io.exsync.worker.connector;

import java.util.Map;

/** The stable root-cause codes of SPEC §9 and the remediation sentence shown with each. */
public final class ErrorCodes {

    public static final String EMAIL_ADDRESS_NOT_APPROVED = "EmailAddressNotApproved";
    public static final String CREDENTIALS_REJECTED = "CredentialsRejected";
    public static final String USER_DISABLED = "UserDisabled";
    public static final String MAILBOX_NOT_ENABLED_FOR_REST_API = "MailboxNotEnabledForRESTAPI";
    public static final String NO_EXCHANGE_LICENSE = "NoExchangeLicense";
    public static final String MAILBOX_NOT_FOUND = "MailboxNotFound";
    public static final String IMPERSONATION_DENIED = "ImpersonationDenied";
    public static final String MAILBOX_LOCATION_UNKNOWN = "MailboxLocationUnknown";
    public static final String SECURE_CONNECTION_FAILED = "SecureConnectionFailed";
    public static final String SERVER_UNAVAILABLE = "ServerUnavailable";
    public static final String THROTTLED = "Throttled";
    public static final String EWS_BLOCKED = "EwsBlocked";
    public static final String CONNECTION_UNAVAILABLE = "ConnectionUnavailable";
    public static final String PROFILE_NOT_FOUND = "ProfileNotFound";
    public static final String UNEXPECTED_RESPONSE = "UnexpectedResponse";
    public static final String ACT_NOT_SUPPORTED = "ActNotSupported";
    public static final String TEST_SUCCEEDED = "TestAndEnableSucceeded";

    private static final Map<String, String> REMEDIATION = Map.ofEntries(
            Map.entry(EMAIL_ADDRESS_NOT_APPROVED, "Approve the mailbox's email address, or turn off \"process emails "
                    + "only for approved users/queues\" in the email settings."),
            Map.entry(CREDENTIALS_REJECTED, "The profile's (or mailbox's) credentials are wrong or lack permission: "
                    + "re-enter them."),
            Map.entry(USER_DISABLED, "Enable the user's account."),
            Map.entry(MAILBOX_NOT_ENABLED_FOR_REST_API, "The user has no Exchange Online licence or the mailbox is "
                    + "on-premises: license it, or use an Exchange Server (Hybrid) profile."),
            Map.entry(NO_EXCHANGE_LICENSE, "Assign a licence with Exchange Online."),
            Map.entry(MAILBOX_NOT_FOUND, "Check the mailbox's email address."),
            Map.entry(IMPERSONATION_DENIED, "Grant the ApplicationImpersonation role to the profile's account."),
            Map.entry(MAILBOX_LOCATION_UNKNOWN, "Set the EWS URL on the profile (defaultServerLocation)."),
            Map.entry(SECURE_CONNECTION_FAILED, "Check the server's certificate and TLS versions."),
            Map.entry(SERVER_UNAVAILABLE, "The server could not be reached after every retry: check the server."),
            Map.entry(THROTTLED, "None: the run waits as the server asks."),
            Map.entry(EWS_BLOCKED, "Switch the profile's protocol to GRAPH."),
            Map.entry(CONNECTION_UNAVAILABLE, "The profile's connection could not be read from profile-service: "
                    + "check that it runs."),
            Map.entry(PROFILE_NOT_FOUND, "Assign an active email server profile to the mailbox."),
            Map.entry(UNEXPECTED_RESPONSE, "The server answered in an unexpected way: check the profile's server "
                    + "location."),
            Map.entry(ACT_NOT_SUPPORTED, "IMAP/POP3 profiles have no appointments, contacts and tasks "
                    + "synchronization: set the mailbox's ACT delivery method to NONE or use an Exchange profile."));

    private ErrorCodes() {
    }

    public static String remediation(String code) {
        return REMEDIATION.getOrDefault(code, "");
    }
}

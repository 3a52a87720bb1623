package io.exsync.profile.service;

import io.exsync.profile.config.ProfileConfig;
import io.exsync.profile.domain.AuthenticationType;
import io.exsync.profile.domain.ServerType;
import io.exsync.profile.rest.MailServerDto;
import io.exsync.profile.rest.ProfileRequest;
import io.exsync.support.problem.ApiException;
import io.exsync.support.problem.Problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-field rules of SPEC §4 that annotations cannot express: allowed authentication and protocol per
 * server type, which settings belong to which kind of server, endpoint URLs, credentials the authentication
 * type needs. Every broken rule becomes one violation naming its field.
 */
@ApplicationScoped
public class ProfileRules {

    private final ProfileConfig config;

    public ProfileRules(ProfileConfig config) {
        this.config = config;
    }

    /** {@code resolved}: the request with server-type defaults applied; {@code hasPassword}: after this change. */
    public void check(ProfileRequest resolved, boolean hasPassword) {
        List<Violation> violations = new ArrayList<>();
        ServerType type = resolved.serverType();
        if (!type.allowedAuthentication().contains(resolved.authenticationType())) {
            violations.add(new Violation("authenticationType", "must be one of " + type.allowedAuthentication()
                    + " for serverType " + type));
        }
        if (!type.allowedProtocols().contains(resolved.protocol())) {
            violations.add(new Violation("protocol", "must be one of " + type.allowedProtocols()
                    + " for serverType " + type));
        }
        if (type.isInternetMail()) {
            requireServer(violations, "incomingServer", resolved.incomingServer());
            requireServer(violations, "outgoingServer", resolved.outgoingServer());
            for (String field : List.of("defaultServerLocation", "authorityHost", "autodiscoverUrl")) {
                if (valueOf(resolved, field) != null) {
                    violations.add(new Violation(field, "applies to Exchange profiles only"));
                }
            }
            if (Boolean.TRUE.equals(resolved.moveFailedEmailsToUndeliverableFolder())) {
                violations.add(new Violation("moveFailedEmailsToUndeliverableFolder",
                        "applies to Exchange profiles only"));
            }
            if (Boolean.TRUE.equals(resolved.useAutodiscover())) {
                violations.add(new Violation("useAutodiscover", "applies to Exchange profiles only"));
            }
        } else {
            if (resolved.incomingServer() != null) {
                violations.add(new Violation("incomingServer", "applies to IMAP_SMTP and POP3_SMTP profiles only"));
            }
            if (resolved.outgoingServer() != null) {
                violations.add(new Violation("outgoingServer", "applies to IMAP_SMTP and POP3_SMTP profiles only"));
            }
            checkEndpoint(violations, "defaultServerLocation", resolved.defaultServerLocation());
            checkEndpoint(violations, "authorityHost", resolved.authorityHost());
            checkEndpoint(violations, "autodiscoverUrl", resolved.autodiscoverUrl());
        }
        if (resolved.authenticationType() == AuthenticationType.CREDENTIALS_IN_PROFILE) {
            String username = resolved.credentials() == null ? null : resolved.credentials().username();
            if (username == null || username.isBlank()) {
                violations.add(new Violation("credentials.username", "is required for CREDENTIALS_IN_PROFILE"));
            }
            if (!hasPassword) {
                violations.add(new Violation("credentials.password", "is required for CREDENTIALS_IN_PROFILE"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiException(400, "ValidationFailed", "The profile is not valid.", violations);
        }
    }

    private static void requireServer(List<Violation> violations, String field, MailServerDto server) {
        if (server == null) {
            violations.add(new Violation(field, "is required for IMAP_SMTP and POP3_SMTP profiles"));
        }
    }

    private void checkEndpoint(List<Violation> violations, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                violations.add(new Violation(field, "must be an absolute https URL"));
            } else if ("http".equalsIgnoreCase(uri.getScheme())) {
                if (!(config.allowLoopbackHttp() && isLoopback(uri.getHost()))) {
                    violations.add(new Violation(field, "must use https"));
                }
            } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
                violations.add(new Violation(field, "must be an absolute https URL"));
            }
        } catch (URISyntaxException e) {
            violations.add(new Violation(field, "must be an absolute https URL"));
        }
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        // Only literal addresses: never resolve a name here.
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String valueOf(ProfileRequest request, String field) {
        return switch (field) {
            case "defaultServerLocation" -> request.defaultServerLocation();
            case "authorityHost" -> request.authorityHost();
            default -> request.autodiscoverUrl();
        };
    }
}

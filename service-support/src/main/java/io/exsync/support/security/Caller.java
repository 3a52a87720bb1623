package io.exsync.support.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The authenticated caller of this request, as the JWT of SPEC §2 describes them. */
@RequestScoped
public class Caller {

    public static final String GLOBAL_ADMINISTRATOR = "GlobalAdministrator";
    public static final String EXCHANGE_ADMINISTRATOR = "ExchangeAdministrator";
    public static final String SERVICE_ADMINISTRATOR = "ServiceAdministrator";
    public static final String SERVICE = "Service";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The {@code sub}: a user's id in ExSync (or the service's id for service tokens). */
    public UUID userId() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new io.exsync.support.problem.ApiException(401, "Unauthorized", "The token's sub is not a UUID.");
        }
    }

    public String tenantId() {
        return token.getClaim("tid");
    }

    public Set<String> groups() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean inGroup(String group) {
        return groups().contains(group);
    }

    public boolean isService() {
        return inGroup(SERVICE);
    }

    /** {@code plugin}, {@code workflow} or {@code app} for automation; empty for interactive users. */
    public Optional<String> automationContext() {
        return Optional.ofNullable(token.getClaim("exsync_ctx"));
    }
}

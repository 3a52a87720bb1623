package io.exsync.profile.domain;

import java.util.EnumSet;
import java.util.Set;

import static io.exsync.profile.domain.AuthenticationType.CREDENTIALS_BY_USER_OR_QUEUE;
import static io.exsync.profile.domain.AuthenticationType.CREDENTIALS_IN_PROFILE;
import static io.exsync.profile.domain.AuthenticationType.EXCHANGE_HYBRID_MODERN_AUTH;
import static io.exsync.profile.domain.AuthenticationType.OAUTH_CROSS_TENANT;
import static io.exsync.profile.domain.AuthenticationType.SERVER_TO_SERVER;
import static io.exsync.profile.domain.AuthenticationType.WINDOWS_INTEGRATED;

/** SPEC §4 "Defaults and valid combinations by server type", as data. */
public enum ServerType {
    EXCHANGE_ONLINE(ServerClass.EXCHANGE_ONLINE, SERVER_TO_SERVER, EnumSet.of(SERVER_TO_SERVER, OAUTH_CROSS_TENANT),
            Protocol.GRAPH, EnumSet.of(Protocol.GRAPH, Protocol.EWS)),
    EXCHANGE_ONLINE_HYBRID(ServerClass.EXCHANGE_ONLINE, SERVER_TO_SERVER,
            EnumSet.of(SERVER_TO_SERVER, OAUTH_CROSS_TENANT), Protocol.GRAPH, EnumSet.of(Protocol.GRAPH, Protocol.EWS)),
    EXCHANGE_SERVER(ServerClass.ON_PREMISES, CREDENTIALS_IN_PROFILE,
            EnumSet.of(CREDENTIALS_IN_PROFILE, CREDENTIALS_BY_USER_OR_QUEUE, WINDOWS_INTEGRATED),
            Protocol.EWS, EnumSet.of(Protocol.EWS)),
    EXCHANGE_SERVER_HYBRID(ServerClass.ON_PREMISES, EXCHANGE_HYBRID_MODERN_AUTH,
            EnumSet.of(EXCHANGE_HYBRID_MODERN_AUTH, CREDENTIALS_IN_PROFILE, CREDENTIALS_BY_USER_OR_QUEUE),
            Protocol.EWS, EnumSet.of(Protocol.EWS)),
    IMAP_SMTP(ServerClass.ON_PREMISES, CREDENTIALS_BY_USER_OR_QUEUE,
            EnumSet.of(CREDENTIALS_BY_USER_OR_QUEUE, CREDENTIALS_IN_PROFILE),
            Protocol.IMAP_SMTP, EnumSet.of(Protocol.IMAP_SMTP)),
    POP3_SMTP(ServerClass.ON_PREMISES, CREDENTIALS_BY_USER_OR_QUEUE,
            EnumSet.of(CREDENTIALS_BY_USER_OR_QUEUE, CREDENTIALS_IN_PROFILE),
            Protocol.POP3_SMTP, EnumSet.of(Protocol.POP3_SMTP));

    /** "Exchange Online" vs "on-premises" of SPEC §5. */
    public enum ServerClass { EXCHANGE_ONLINE, ON_PREMISES }

    private final ServerClass serverClass;
    private final AuthenticationType defaultAuthentication;
    private final Set<AuthenticationType> allowedAuthentication;
    private final Protocol defaultProtocol;
    private final Set<Protocol> allowedProtocols;

    ServerType(ServerClass serverClass, AuthenticationType defaultAuthentication,
               Set<AuthenticationType> allowedAuthentication, Protocol defaultProtocol, Set<Protocol> allowedProtocols) {
        this.serverClass = serverClass;
        this.defaultAuthentication = defaultAuthentication;
        this.allowedAuthentication = allowedAuthentication;
        this.defaultProtocol = defaultProtocol;
        this.allowedProtocols = allowedProtocols;
    }

    public ServerClass serverClass() {
        return serverClass;
    }

    public AuthenticationType defaultAuthentication() {
        return defaultAuthentication;
    }

    public Set<AuthenticationType> allowedAuthentication() {
        return allowedAuthentication;
    }

    public Protocol defaultProtocol() {
        return defaultProtocol;
    }

    public Set<Protocol> allowedProtocols() {
        return allowedProtocols;
    }

    /** IMAP/SMTP and POP3/SMTP: mail servers named by host and port, no ACT sync, no Undeliverable folder. */
    public boolean isInternetMail() {
        return this == IMAP_SMTP || this == POP3_SMTP;
    }

    public boolean isExchange() {
        return !isInternetMail();
    }

    /** Exchange Server and its hybrid find the EWS URL with Autodiscover unless told otherwise. */
    public boolean usesAutodiscoverByDefault() {
        return this == EXCHANGE_SERVER || this == EXCHANGE_SERVER_HYBRID;
    }

    public int defaultIncomingPort() {
        return this == POP3_SMTP ? 995 : 993;
    }

    public int defaultOutgoingPort() {
        return 587;
    }
}

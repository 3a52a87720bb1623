package io.exsync.worker.connector;

import io.exsync.worker.client.Connection;
import io.exsync.worker.domain.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.AutodiscoverErrorCode;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.folder.ContactsFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.folder.TasksFolder;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * EWS through ews-java-api 2.0: Basic credentials (profile or mailbox) or an app-only Bearer token with
 * {@code X-AnchorMailbox}; {@code ExchangeImpersonation} when the profile's account acts for the mailbox. Incoming =
 * bind the inbox, outgoing = bind Sent Items (nothing is sent), ACT = bind calendar, contacts and tasks.
 * Autodiscover ({@code GetUserSettings ExternalEwsUrl}) when the profile asks for it and names an endpoint.
 */
@ApplicationScoped
public class EwsConnector implements MailboxConnector {

    private static final String BUSY = "ErrorServerBusy";

    private final GraphTokens tokens;

    public EwsConnector(GraphTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Map<Workload, WorkloadResult> test(MailboxTarget mailbox, Connection connection) {
        String[] ewsUrl = {connection.ewsUrl()};
        ExchangeService[] service = {null};
        try {
            return MailboxConnector.eachWorkload(mailbox, workload -> {
                if (service[0] == null) {
                    if (connection.useAutodiscover() && connection.autodiscoverUrl() != null
                            && !connection.autodiscoverUrl().isBlank()) {
                        ewsUrl[0] = autodiscover(mailbox, connection);
                    }
                    if (ewsUrl[0] == null || ewsUrl[0].isBlank()) {
                        throw ConnectorException.permanent(ErrorCodes.MAILBOX_LOCATION_UNKNOWN,
                                "no EWS URL and no Autodiscover endpoint");
                    }
                    service[0] = service(mailbox, connection, ewsUrl[0]);
                }
                call(mailbox, ewsUrl[0], () -> bind(service[0], workload));
            });
        } finally {
            if (service[0] != null) {
                service[0].close();
            }
        }
    }

    private static void bind(ExchangeService service, Workload workload) throws Exception {
        switch (workload) {
            case INCOMING -> Folder.bind(service, WellKnownFolderName.Inbox);
            case OUTGOING -> Folder.bind(service, WellKnownFolderName.SentItems);
            case ACT -> {
                CalendarFolder.bind(service, WellKnownFolderName.Calendar);
                ContactsFolder.bind(service, WellKnownFolderName.Contacts);
                TasksFolder.bind(service, WellKnownFolderName.Tasks);
            }
        }
    }

    private ExchangeService service(MailboxTarget mailbox, Connection connection, String url)
            throws ConnectorException {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        try {
            service.setUrl(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw ConnectorException.permanent(ErrorCodes.MAILBOX_LOCATION_UNKNOWN, "the EWS URL is not valid");
        }
        service.setTimeout((int) Math.min(Integer.MAX_VALUE, mailbox.remainingMs()));
        authenticate(service.getHttpHeaders(), mailbox, connection, service::setCredentials);
        if (connection.useImpersonation() && !connection.usesMailboxCredentials()) {
            service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox.emailAddress()));
        }
        return service;
    }

    private void authenticate(Map<String, String> headers, MailboxTarget mailbox, Connection connection,
                              java.util.function.Consumer<WebCredentials> basic) throws ConnectorException {
        headers.put("X-AnchorMailbox", mailbox.emailAddress());
        if (connection.usesOAuth()) {
            String resource = origin(connection.ewsUrl() != null ? connection.ewsUrl() : connection.autodiscoverUrl());
            headers.put("Authorization", "Bearer " + tokens.token(connection, resource, mailbox.remainingMs()));
        } else {
            if (connection.username() == null || connection.password() == null) {
                throw ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, "no user name or password");
            }
            basic.accept(new WebCredentials(connection.username(), connection.password()));
        }
    }

    private String autodiscover(MailboxTarget mailbox, Connection connection) throws ConnectorException {
        String[] url = {null};
        call(mailbox, connection.autodiscoverUrl(), () -> {
            AutodiscoverService autodiscover = new AutodiscoverService(URI.create(connection.autodiscoverUrl()),
                    ExchangeVersion.Exchange2010_SP2);
            autodiscover.setTimeout((int) Math.min(Integer.MAX_VALUE, mailbox.remainingMs()));
            authenticate(autodiscover.getHttpHeaders(), mailbox, connection, autodiscover::setCredentials);
            GetUserSettingsResponse response = autodiscover.getUserSettings(mailbox.emailAddress(),
                    UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl);
            if (response.getErrorCode() == AutodiscoverErrorCode.InvalidUser) {
                throw ConnectorException.permanent(ErrorCodes.MAILBOX_NOT_FOUND, "Autodiscover: InvalidUser");
            }
            Object external = response.getSettings().get(UserSettingName.ExternalEwsUrl);
            Object internal = response.getSettings().get(UserSettingName.InternalEwsUrl);
            url[0] = external != null ? external.toString() : internal != null ? internal.toString() : null;
            if (url[0] == null) {
                throw ConnectorException.permanent(ErrorCodes.MAILBOX_LOCATION_UNKNOWN,
                        "Autodiscover: " + response.getErrorCode());
            }
        });
        return url[0];
    }

    private interface EwsCall {
        void run() throws Exception;
    }

    private void call(MailboxTarget mailbox, String endpoint, EwsCall call) throws ConnectorException {
        try {
            call.run();
        } catch (ConnectorException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable("interrupted");
        } catch (Exception e) {
            throw classify(e);
        }
    }

    /**
     * ews-java-api reports the same error in two shapes: a response message ({@link ServiceResponseException}) or a
     * SOAP fault / HTTP error wrapped in a {@code ServiceRequestException}; walk the causes for either.
     */
    static ConnectorException classify(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceResponseException response) {
                return fromServiceError(response);
            }
            if (t instanceof HttpErrorException http) {
                int status = http.getHttpErrorCode();
                if (status == 401) {
                    return ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, "EWS: HTTP 401");
                }
                if (status == 403) {
                    return ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, "EWS: HTTP 403");
                }
                if (status == 429) {
                    return ConnectorException.throttled("EWS: HTTP 429", null);
                }
                if (status >= 500 || status == 408) {
                    return ConnectorException.unavailable("EWS: HTTP " + status);
                }
                return ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE, "EWS: HTTP " + status);
            }
            if (t instanceof java.io.IOException) {
                return ConnectorException.fromIo(t, "EWS");
            }
        }
        return ConnectorException.unavailable("EWS: " + e.getClass().getSimpleName());
    }

    private static ConnectorException fromServiceError(ServiceResponseException e) {
        ServiceError error = e.getErrorCode();
        String name = error == null ? "" : error.name();
        String detail = "EWS: " + name;
        return switch (name) {
            case BUSY -> ConnectorException.throttled(detail, backOff(e));
            case "ErrorNonExistentMailbox", "ErrorMailboxStoreUnavailable" ->
                    ConnectorException.permanent(ErrorCodes.MAILBOX_NOT_FOUND, detail);
            case "ErrorImpersonateUserDenied", "ErrorImpersonationDenied" ->
                    ConnectorException.permanent(ErrorCodes.IMPERSONATION_DENIED, detail);
            case "ErrorAccessDenied" -> ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, detail);
            case "ErrorAccountDisabled" -> ConnectorException.permanent(ErrorCodes.USER_DISABLED, detail);
            case "ErrorInternalServerTransientError", "ErrorTimeoutExpired", "ErrorMailboxMoveInProgress",
                 "ErrorConnectionFailed", "ErrorInternalServerError" -> ConnectorException.unavailable(detail);
            default -> ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE, detail);
        };
    }

    private static Duration backOff(ServiceResponseException e) {
        try {
            String value = e.getResponse().getErrorDetails().get("BackOffMilliseconds");
            return value == null ? null : Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    /** The per-endpoint key: scheme, host and port. */
    public static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        } catch (RuntimeException e) {
            return String.valueOf(url);
        }
    }
}

package io.exsync.simulator.ews;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.enumeration.AutodiscoverErrorCode;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.folder.ContactsFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.folder.TasksFolder;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.core.service.item.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.exsync.simulator.SimulatorFixtures.PASSWORD;
import static io.exsync.simulator.SimulatorFixtures.behavior;
import static io.exsync.simulator.SimulatorFixtures.mailbox;
import static io.exsync.simulator.SimulatorFixtures.putScenario;
import static io.exsync.simulator.SimulatorFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

/** ews-java-api 2.0, the real client, against the simulator's EWS and Autodiscover. */
@QuarkusTest
class EwsResourceTest {

    private final List<ExchangeService> services = new ArrayList<>();

    @BeforeEach
    void scenario() {
        putScenario(0,
                mailbox("ada@contoso.com", behavior("ok")),
                mailbox("svc@contoso.com", behavior("ok")),
                mailbox("busy@contoso.com", behavior("throttle", "times", 1, "retryAfterSeconds", 3)),
                mailbox("gone@contoso.com", behavior("not_found")),
                mailbox("denied@contoso.com", behavior("impersonation_denied")),
                mailbox("flaky@contoso.com", behavior("flaky", "times", 1)),
                mailbox("down@contoso.com", behavior("down")),
                mailbox("unauth@contoso.com", behavior("unauthorized", "workloads", List.of("act"))));
    }

    @AfterEach
    void close() {
        services.forEach(ExchangeService::close);
    }

    private String ewsUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port + "/EWS/Exchange.asmx";
    }

    private ExchangeService basic(String user, String password) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setCredentials(new WebCredentials(user, password));
        service.setUrl(URI.create(ewsUrl()));
        services.add(service);
        return service;
    }

    private ExchangeService bearer(String impersonated) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.getHttpHeaders().put("Authorization", "Bearer " + token());
        service.getHttpHeaders().put("X-AnchorMailbox", impersonated);
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, impersonated));
        service.setUrl(URI.create(ewsUrl()));
        services.add(service);
        return service;
    }

    @Test
    void bindsInboxCalendarContactsAndTasksWithBasicCredentials() throws Exception {
        ExchangeService service = basic("ada@contoso.com", PASSWORD);
        assertThat(Folder.bind(service, WellKnownFolderName.Inbox).getDisplayName()).isEqualTo("Inbox");
        assertThat(CalendarFolder.bind(service, WellKnownFolderName.Calendar).getDisplayName()).isEqualTo("Calendar");
        assertThat(ContactsFolder.bind(service, WellKnownFolderName.Contacts).getDisplayName()).isEqualTo("Contacts");
        assertThat(TasksFolder.bind(service, WellKnownFolderName.Tasks).getDisplayName()).isEqualTo("Tasks");
        FindItemsResults<Item> items = service.findItems(WellKnownFolderName.Inbox, new ItemView(1));
        assertThat(items.getTotalCount()).isZero();
        given().get("/admin/stats").then().body("byEndpoint.'ews.GetFolder'.requests", org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                .body("byMailbox.'ada@contoso.com'.requests", equalTo(5));
    }

    @Test
    void bindsWithBearerTokenAndImpersonation() throws Exception {
        ExchangeService service = bearer("ada@contoso.com");
        assertThat(CalendarFolder.bind(service, WellKnownFolderName.Calendar).getDisplayName()).isEqualTo("Calendar");
        given().get("/admin/stats").then().body("byApp.'exsync-app'.requests", equalTo(2));
    }

    @Test
    void serviceAccountImpersonatesWithBasicCredentials() throws Exception {
        ExchangeService service = basic("svc@contoso.com", PASSWORD);
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, "ada@contoso.com"));
        assertThat(Folder.bind(service, WellKnownFolderName.Inbox).getDisplayName()).isEqualTo("Inbox");
        given().get("/admin/stats").then().body("byMailbox.'ada@contoso.com'.requests", equalTo(1));
    }

    @Test
    void throttledMailboxSurfacesErrorServerBusyWithBackOffThenAnswers() throws Exception {
        ExchangeService service = bearer("busy@contoso.com");
        ServiceRequestException busy = catchThrowableOfType(ServiceRequestException.class,
                () -> Folder.bind(service, WellKnownFolderName.Inbox));
        assertThat(busy.getCause()).isInstanceOf(ServiceResponseException.class);
        ServiceResponseException cause = (ServiceResponseException) busy.getCause();
        assertThat(cause.getErrorCode()).isEqualTo(ServiceError.ErrorServerBusy);
        assertThat(cause.getResponse().getErrorDetails()).containsEntry("BackOffMilliseconds", "3000");
        assertThat(Folder.bind(service, WellKnownFolderName.Inbox).getDisplayName()).isEqualTo("Inbox");
    }

    @Test
    void unknownMailboxIsErrorNonExistentMailbox() {
        for (String address : List.of("gone@contoso.com", "nobody@contoso.com", "eve@fabrikam.com")) {
            ServiceResponseException missing = catchThrowableOfType(ServiceResponseException.class,
                    () -> Folder.bind(bearer(address), WellKnownFolderName.Inbox));
            assertThat(missing.getErrorCode()).isEqualTo(ServiceError.ErrorNonExistentMailbox);
        }
    }

    @Test
    void impersonationDeniedIsErrorImpersonateUserDenied() {
        ServiceResponseException denied = catchThrowableOfType(ServiceResponseException.class,
                () -> CalendarFolder.bind(bearer("denied@contoso.com"), WellKnownFolderName.Calendar));
        assertThat(denied.getErrorCode()).isEqualTo(ServiceError.ErrorImpersonateUserDenied);
    }

    @Test
    void wrongPasswordIsHttp401() {
        assertHttpError(() -> Folder.bind(basic("ada@contoso.com", "wrong"), WellKnownFolderName.Inbox), 401);
        // unauthorized limited to ACT: the inbox opens, the calendar is refused.
        ExchangeService service = bearer("unauth@contoso.com");
        try {
            Folder.bind(service, WellKnownFolderName.Inbox);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertHttpError(() -> CalendarFolder.bind(service, WellKnownFolderName.Calendar), 401);
    }

    @Test
    void flakyAndDownAnswerHttp503() throws Exception {
        ExchangeService flaky = bearer("flaky@contoso.com");
        assertHttpError(() -> Folder.bind(flaky, WellKnownFolderName.Inbox), 503);
        assertThat(Folder.bind(flaky, WellKnownFolderName.Inbox).getDisplayName()).isEqualTo("Inbox");
        assertHttpError(() -> Folder.bind(bearer("down@contoso.com"), WellKnownFolderName.Inbox), 503);
    }

    @Test
    void autodiscoverReturnsTheEwsUrl() throws Exception {
        AutodiscoverService autodiscover = new AutodiscoverService(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/autodiscover/autodiscover.svc"),
                ExchangeVersion.Exchange2010_SP2);
        GetUserSettingsResponse response = autodiscover.getUserSettings("ada@contoso.com", UserSettingName.ExternalEwsUrl);
        assertThat(response.getSettings()).containsEntry(UserSettingName.ExternalEwsUrl, ewsUrl());
        assertThat(autodiscover.getUserSettings("gone@contoso.com", UserSettingName.ExternalEwsUrl).getErrorCode())
                .isEqualTo(AutodiscoverErrorCode.InvalidUser);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertHttpError(Call call, int status) {
        ServiceRequestException failed = catchThrowableOfType(ServiceRequestException.class, call::run);
        assertThat(failed).as("expected HTTP %d", status).isNotNull();
        Throwable cause = failed;
        while (cause != null && !(cause instanceof HttpErrorException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("HttpErrorException in the causes of %s", failed).isNotNull();
        assertThat(((HttpErrorException) cause).getHttpErrorCode()).isEqualTo(status);
    }
}

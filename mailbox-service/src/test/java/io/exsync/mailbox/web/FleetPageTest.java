package io.exsync.mailbox.web;

import io.exsync.events.MailboxTestEvent.MailboxTestCompleted;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fleet page in a real headless Chromium: loads, filters by an error code, shows the right rows. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class FleetPageTest {

    static TestEvents events;

    @TestHTTPResource("/fleet/")
    URL page;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void filtersTheFleetByErrorCodeAndStatus() throws Exception {
        var env = io.exsync.mailbox.rest.FixturesAccess.environment(events);
        String token = TestTokens.exsyncToken("--sub", env.adminId().toString(), "--tid", env.tenant());
        String tag = "fleet" + UUID.randomUUID().toString().substring(0, 6);
        UUID ok = user(env, token, tag + "-ok");
        UUID rejected = user(env, token, tag + "-rejected");
        UUID unlicensed = user(env, token, tag + "-unlicensed");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        events.publish(result(env.id(), ok, now, null));
        events.publish(result(env.id(), rejected, now, "CredentialsRejected"));
        events.publish(result(env.id(), unlicensed, now, "MailboxNotEnabledForRESTAPI"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token)
                .get("/api/v1/environments/" + env.id() + "/mailboxes/" + unlicensed).then().extract()
                .path("mailboxStatus").equals("FAILURE"));

        WebDriver browser = chromium();
        try {
            browser.get(page + "?errorCode=CredentialsRejected&q=" + tag + "#environment=" + env.id() + "&token=" + token);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(b -> b.findElement(By.id("status")).getText().contains("mailbox(es)"));
            List<WebElement> rows = browser.findElements(By.cssSelector("#mailboxes tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains(tag + "-rejected", "CredentialsRejected", "FAILURE");
            assertThat(browser.getCurrentUrl()).doesNotContain(token);

            browser.findElement(By.id("errorCode")).clear();
            new Select(browser.findElement(By.id("mailboxStatus"))).selectByVisibleText("FAILURE");
            browser.findElement(By.id("apply")).click();
            wait.until(b -> b.findElements(By.cssSelector("#mailboxes tbody tr")).size() == 2);
            assertThat(browser.findElement(By.id("mailboxes")).getText())
                    .contains(tag + "-rejected", tag + "-unlicensed").doesNotContain(tag + "-ok");

            File screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(screenshot.toPath(), Path.of("target/fleet-page.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("exsync.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                "--user-data-dir=" + Path.of("target", "chromium-" + UUID.randomUUID()).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("exsync.chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    private static UUID user(io.exsync.mailbox.rest.FixturesAccess.Env env, String token, String name) {
        String email = name + "@contoso.com";
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fullName", name, "email", email, "userPrincipalName", email))
                .post("/api/v1/environments/" + env.id() + "/users").then().statusCode(201).extract().path("mailboxId");
        return UUID.fromString(id);
    }

    private static MailboxTestCompleted result(UUID environmentId, UUID mailbox, OffsetDateTime at, String code) {
        String status = code == null ? "SUCCESS" : "FAILURE";
        boolean ok = code == null;
        return new MailboxTestCompleted(environmentId, UUID.randomUUID(), mailbox, ok ? "SUCCEEDED" : "FAILED",
                status, status, status, status, ok, ok, ok, code, code, false, 1, at);
    }
}

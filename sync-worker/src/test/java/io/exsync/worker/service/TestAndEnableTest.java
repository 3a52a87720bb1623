package io.exsync.worker.service;

import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.exsync.worker.ExchangeSimulatorResource;
import io.exsync.events.testing.TestSchema;
import io.quarkus.test.common.ResourceArg;
import io.exsync.worker.TestConnections;
import io.exsync.worker.client.Connection;
import io.exsync.worker.repository.JobMailboxRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.worker.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test &amp; Enable against the exchange-simulator for every behaviour kind, over Graph, EWS (ews-java-api) and
 * IMAP/POP3/SMTP (Jakarta Mail), observed as a client sees it: job results and the Kafka events.
 * %test config: 3 transient retries, 100 ms apart.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class TestAndEnableTest {

    private static final int TRIES = 1 + 3;

    @Inject
    TestConnections connections;

    @Inject
    DataSource dataSource;

    @Inject
    ConcurrencyLimits limits;

    @Inject
    JobMailboxRepository jobMailboxes;

    @BeforeEach
    void workerListens() {
        awaitConsumersReady();
    }

    /** What one job produced: results, events and alerts per mailbox email. */
    record Run(UUID jobId, JsonPath job, Map<String, TestAndEnableRequested> requests,
               Map<String, Map<String, Object>> results, List<ConsumerRecord<String, String>> records) {

        Map<String, Object> result(String email) {
            return results.get(requests.get(email).mailboxId().toString());
        }

        JsonPath completed(String email) {
            List<JsonPath> events = ofType(records, "io.exsync.mailbox-test.completed.v1",
                    requests.get(email).mailboxId().toString());
            assertThat(events).as("MailboxTestCompleted of %s", email).hasSize(1);
            return events.get(0);
        }

        List<JsonPath> alerts(String email) {
            return ofType(records, "io.exsync.alert.raised.v1", requests.get(email).mailboxId().toString());
        }
    }

    private Run run(Connection connection, List<TestAndEnableRequested> mailboxes) {
        UUID jobId = mailboxes.get(0).jobId();
        connections.put(connection);
        Map<String, TestAndEnableRequested> byEmail = new LinkedHashMap<>();
        try (PlainConsumer consumer = consumer()) {
            for (TestAndEnableRequested request : mailboxes) {
                byEmail.put(request.emailAddress(), request);
                publish(request);
            }
            List<ConsumerRecord<String, String>> records = recordsUntilCompleted(consumer, jobId);
            JsonPath job = awaitJob(jobId, "COMPLETED");
            return new Run(jobId, job, byEmail, results(jobId), records);
        }
    }

    private static List<TestAndEnableRequested> requests(UUID profile, List<String> emails) {
        UUID env = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        List<TestAndEnableRequested> all = new ArrayList<>();
        for (String email : emails) {
            all.add(request(env, jobId, emails.size(), profile, email));
        }
        return all;
    }

    private static List<Map<String, Object>> everyBehaviour(String domain) {
        return List.of(
                mailbox("ok@" + domain, kind("ok")),
                mailbox("unauthorized@" + domain, kind("unauthorized")),
                mailbox("not-found@" + domain, kind("not_found")),
                mailbox("no-licence@" + domain, kind("no_exchange_license")),
                mailbox("impersonation@" + domain, kind("impersonation_denied")),
                mailbox("throttle@" + domain, kind("throttle", "times", 5, "retryAfterSeconds", 1)),
                mailbox("flaky@" + domain, kind("flaky", "times", 3)),
                mailbox("down@" + domain, kind("down")),
                mailbox("slow@" + domain, kind("slow", "latencyMs", 300)),
                mailbox("tls@" + domain, kind("tls_error")));
    }

    private void assertSucceeded(Run run, String email, String act) {
        Map<String, Object> result = run.result(email);
        assertThat(result).as(email).containsEntry("outcome", "SUCCEEDED").containsEntry("mailboxStatus", "SUCCESS")
                .containsEntry("incomingEmailStatus", "SUCCESS").containsEntry("outgoingEmailStatus", "SUCCESS")
                .containsEntry("actStatus", act);
        assertThat(result.get("errorCode")).as(email).isNull();
        JsonPath event = run.completed(email);
        assertThat(event.getBoolean("enabledForIncomingEmail")).isTrue();
        assertThat(event.getBoolean("enabledForOutgoingEmail")).isTrue();
        assertThat(event.getBoolean("enabledForAct")).isEqualTo("SUCCESS".equals(act));
        assertThat(event.getBoolean("transientError")).isFalse();
        List<JsonPath> info = run.alerts(email).stream().filter(a -> a.getString("level").equals("INFORMATION"))
                .toList();
        assertThat(info).as("INFORMATION alert of %s", email).hasSize(1);
        assertThat(info.get(0).getList("recipientIds"))
                .containsExactly(run.requests().get(email).ownerId().toString());
    }

    private void assertFailed(Run run, String email, String code) {
        Map<String, Object> result = run.result(email);
        assertThat(result).as(email).containsEntry("outcome", "FAILED").containsEntry("mailboxStatus", "FAILURE")
                .containsEntry("errorCode", code);
        assertThat((String) result.get("message")).as(email).isNotBlank();
        JsonPath event = run.completed(email);
        assertThat(event.getString("errorCode")).isEqualTo(code);
        assertThat(event.getString("mailboxStatus")).isEqualTo("FAILURE");
        List<JsonPath> errors = run.alerts(email).stream().filter(a -> a.getString("level").equals("ERROR")).toList();
        assertThat(errors).as("ERROR alerts of %s", email).isNotEmpty();
        assertThat(errors.get(0).getString("code")).isEqualTo(code);
        assertThat(errors.get(0).getList("recipientIds")).contains(run.requests().get(email).ownerId().toString());
        assertThat(run.alerts(email)).noneMatch(a -> a.getString("level").equals("INFORMATION"));
    }

    private int transientFailures(UUID jobId, UUID mailboxId) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "select transient_failures from job_mailbox where job_id = ? and mailbox_id = ?")) {
            statement.setObject(1, jobId);
            statement.setObject(2, mailboxId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void graphGivesEachBehaviourItsStatusCodeAndAlerts() throws Exception {
        String domain = "graph.contoso.com";
        scenario(everyBehaviour(domain));
        UUID profile = UUID.randomUUID();
        List<TestAndEnableRequested> requests = new ArrayList<>(requests(profile,
                everyBehaviour(domain).stream().map(m -> (String) m.get("email")).toList()));
        // the always-503 mailbox tests incoming only: one request per try, so the tries can be counted
        requests.replaceAll(r -> r.emailAddress().startsWith("down@") ? onlyIncoming(r) : r);
        Run run = run(graph(profile, 10000), requests);

        assertThat(run.job().getInt("total")).isEqualTo(10);
        assertThat(run.job().getInt("completed")).isEqualTo(10);
        assertThat(run.job().getInt("succeeded")).isEqualTo(4);
        assertThat(run.job().getInt("failed")).isEqualTo(6);
        assertThat(run.job().getInt("retrying")).isZero();
        assertThat(ofType(run.records(), "io.exsync.test-job.started.v1", run.jobId().toString())).hasSize(1);
        JsonPath done = ofType(run.records(), "io.exsync.test-job.completed.v1", run.jobId().toString()).get(0);
        assertThat(done.getInt("succeeded")).isEqualTo(4);

        assertSucceeded(run, "ok@" + domain, "SUCCESS");
        assertSucceeded(run, "slow@" + domain, "SUCCESS");
        assertFailed(run, "unauthorized@" + domain, "CredentialsRejected");
        assertFailed(run, "not-found@" + domain, "MailboxNotFound");
        assertFailed(run, "no-licence@" + domain, "MailboxNotEnabledForRESTAPI");
        assertThat(run.result("no-licence@" + domain).get("message").toString()).contains("Exchange Online licence");
        assertFailed(run, "impersonation@" + domain, "CredentialsRejected");
        // each failed workload gets its own alert
        assertThat(run.alerts("unauthorized@" + domain)).extracting(a -> a.getString("workload"))
                .containsExactlyInAnyOrder("INCOMING", "OUTGOING", "ACT");

        // throttled 5 times: waits as told, never counted as a failure
        assertSucceeded(run, "throttle@" + domain, "SUCCESS");
        UUID throttled = run.requests().get("throttle@" + domain).mailboxId();
        assertThat(transientFailures(run.jobId(), throttled)).isZero();
        assertThat((Integer) run.result("throttle@" + domain).get("attempts")).isEqualTo(6);

        // flaky 3 times: succeeds after a retry
        assertSucceeded(run, "flaky@" + domain, "SUCCESS");
        assertThat(transientFailures(run.jobId(), run.requests().get("flaky@" + domain).mailboxId())).isPositive();

        // always 503: fails after exactly 1 + max-transient-retries tries
        assertFailed(run, "down@" + domain, "ServerUnavailable");
        assertThat(run.result("down@" + domain)).containsEntry("attempts", TRIES)
                .containsEntry("outgoingEmailStatus", "NOT_RUN").containsEntry("actStatus", "NOT_RUN");
        assertThat(run.completed("down@" + domain).getBoolean("transientError")).isTrue();
        assertThat(requestsOf("down@" + domain)).isEqualTo(TRIES);

        // the connection is closed before any answer: a network error, transient, then failed
        assertFailed(run, "tls@" + domain, "ServerUnavailable");
    }

    @Test
    void graphReportsTlsHandshakeFailuresAndTimeoutsAsRootCauses() {
        scenario(List.of(mailbox("tls@graph2.contoso.com", kind("ok")),
                mailbox("slow@graph2.contoso.com", kind("slow", "latencyMs", 2000))));
        UUID tlsProfile = UUID.randomUUID();
        Run tls = run(graphOverTlsToPlainPort(tlsProfile),
                requests(tlsProfile, List.of("tls@graph2.contoso.com")));
        assertFailed(tls, "tls@graph2.contoso.com", "SecureConnectionFailed");
        assertThat(tls.result("tls@graph2.contoso.com")).containsEntry("attempts", 1);

        UUID slowProfile = UUID.randomUUID();
        Run slow = run(graph(slowProfile, 500),
                requests(slowProfile, List.of("slow@graph2.contoso.com")).stream().map(r -> onlyIncoming(r)).toList());
        assertFailed(slow, "slow@graph2.contoso.com", "ServerUnavailable");
        assertThat(slow.result("slow@graph2.contoso.com")).containsEntry("attempts", TRIES);
    }

    @Test
    void approvalGateFailsBeforeAnyNetworkCallWithOneAlertPerWorkload() {
        scenario(List.of(mailbox("pending@contoso.com", kind("ok"))));
        UUID profile = UUID.randomUUID();
        UUID profileOwner = UUID.randomUUID();
        UUID env = UUID.randomUUID();
        profileCreated(env, profile, "Contoso Online", profileOwner);
        await().atMost(Duration.ofSeconds(30)).until(() -> profileKnown(profile));
        TestAndEnableRequested request = pendingApproval(request(env, UUID.randomUUID(), 1, profile,
                "pending@contoso.com"), "Ada Lovelace");
        Run run = run(graph(profile, 10000), List.of(request));

        assertFailed(run, "pending@contoso.com", "EmailAddressNotApproved");
        assertThat(run.result("pending@contoso.com")).containsEntry("incomingEmailStatus", "FAILURE")
                .containsEntry("outgoingEmailStatus", "FAILURE").containsEntry("actStatus", "FAILURE");
        JsonPath event = run.completed("pending@contoso.com");
        assertThat(event.getBoolean("enabledForIncomingEmail")).isFalse();
        assertThat(event.getBoolean("enabledForOutgoingEmail")).isFalse();
        List<JsonPath> alerts = run.alerts("pending@contoso.com");
        assertThat(alerts).hasSize(3).allSatisfy(alert -> {
            assertThat(alert.getString("code")).isEqualTo("EmailAddressNotApproved");
            assertThat(alert.getList("recipientIds")).containsExactly(request.ownerId().toString(),
                    profileOwner.toString());
            assertThat(alert.getString("regarding.type")).isEqualTo("MAILBOX");
        });
        assertThat(alerts).extracting(a -> a.getString("message")).contains(
                "Email can't be received because the email address of the mailbox Ada Lovelace requires an approval "
                        + "by a Microsoft 365 administrator. The mailbox has been disabled for receiving email and the "
                        + "owner of the email server profile Contoso Online has been notified.",
                "Email can't be sent because the email address of the mailbox Ada Lovelace requires an approval by a "
                        + "Microsoft 365 administrator. The mailbox has been disabled for sending email and the owner "
                        + "of the email server profile Contoso Online has been notified.");
        assertThat(requestsOf("pending@contoso.com")).isZero();
    }

    private boolean profileKnown(UUID profileId) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select count(*) from profile_info where profile_id = ?")) {
            statement.setObject(1, profileId);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    @Test
    void ewsGivesEachBehaviourItsStatusCodeAndAlerts() throws Exception {
        String domain = "ews.contoso.com";
        scenario(everyBehaviour(domain));
        UUID profile = UUID.randomUUID();
        List<TestAndEnableRequested> requests = new ArrayList<>(requests(profile,
                everyBehaviour(domain).stream().map(m -> (String) m.get("email")).toList()));
        requests.replaceAll(r -> r.emailAddress().startsWith("down@") ? onlyIncoming(r) : r);
        Run run = run(ewsBasic(profile), requests);

        assertSucceeded(run, "ok@" + domain, "SUCCESS");
        assertSucceeded(run, "slow@" + domain, "SUCCESS");
        assertFailed(run, "unauthorized@" + domain, "CredentialsRejected");
        assertFailed(run, "not-found@" + domain, "MailboxNotFound");
        assertFailed(run, "no-licence@" + domain, "MailboxNotFound");
        assertFailed(run, "impersonation@" + domain, "ImpersonationDenied");
        assertSucceeded(run, "throttle@" + domain, "SUCCESS");
        assertThat(transientFailures(run.jobId(), run.requests().get("throttle@" + domain).mailboxId())).isZero();
        assertSucceeded(run, "flaky@" + domain, "SUCCESS");
        assertFailed(run, "down@" + domain, "ServerUnavailable");
        assertThat(run.result("down@" + domain)).containsEntry("attempts", TRIES);
        assertThat(requestsOf("down@" + domain)).isEqualTo(TRIES);
        assertFailed(run, "tls@" + domain, "ServerUnavailable");
    }

    @Test
    void ewsWithAppTokenFindsTheServerByAutodiscover() {
        scenario(List.of(mailbox("auto@contoso.com", kind("ok")), mailbox("gone@contoso.com", kind("not_found"))));
        UUID profile = UUID.randomUUID();
        Run run = run(ewsOAuthAutodiscover(profile), requests(profile, List.of("auto@contoso.com", "gone@contoso.com")));
        assertSucceeded(run, "auto@contoso.com", "SUCCESS");
        assertFailed(run, "gone@contoso.com", "MailboxNotFound");
    }

    @Test
    void imapPop3AndSmtpTestLoginsAndLeaveActNotRun() throws Exception {
        scenario(List.of(mailbox("imap@contoso.com", kind("ok")), mailbox("pop@contoso.com", kind("ok")),
                mailbox("wrong@contoso.com", kind("ok"))));
        UUID imapProfile = UUID.randomUUID();
        List<TestAndEnableRequested> imap = requests(imapProfile, List.of("imap@contoso.com", "wrong@contoso.com"));
        connections.credentials(imap.get(0).mailboxId(), "imap@contoso.com", PASSWORD);
        connections.credentials(imap.get(1).mailboxId(), "wrong@contoso.com", "not-the-password");
        Run run = run(mail(imapProfile, "IMAP_SMTP"), imap);
        assertSucceeded(run, "imap@contoso.com", "NOT_RUN");
        assertThat(run.alerts("imap@contoso.com")).anyMatch(a -> a.getString("level").equals("WARNING")
                && a.getString("code").equals("ActNotSupported"));
        assertFailed(run, "wrong@contoso.com", "CredentialsRejected");
        assertThat(run.result("wrong@contoso.com")).containsEntry("actStatus", "NOT_RUN");

        UUID popProfile = UUID.randomUUID();
        List<TestAndEnableRequested> pop = requests(popProfile, List.of("pop@contoso.com"));
        connections.credentials(pop.get(0).mailboxId(), "pop@contoso.com", PASSWORD);
        assertSucceeded(run(mail(popProfile, "POP3_SMTP"), pop), "pop@contoso.com", "NOT_RUN");

        // secrets reach the mail server, never the log or the events
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/quarkus-test.log"));
        assertThat(log).doesNotContain("not-the-password").doesNotContain(CLIENT_SECRET);
        assertThat(run.records()).noneMatch(r -> r.value().contains("not-the-password"));
    }

    @Test
    void profileCapLimitsConcurrentRequestsToTheServer() {
        List<Map<String, Object>> scenario = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            emails.add("cap" + i + "@contoso.com");
            scenario.add(mailbox("cap" + i + "@contoso.com", kind("slow", "latencyMs", 100)));
        }
        scenario(scenario);
        UUID profile = UUID.randomUUID();
        Connection base = graph(profile, 10000);
        Connection capped = new Connection(base.profileId(), base.environmentId(), base.tenantId(), base.serverType(),
                base.authenticationType(), base.protocol(), base.authorityHost(), base.graphBaseUrl(), null, null,
                false, null, null, true, base.exchangeOnlineTenantId(), base.clientId(), null, null,
                base.clientSecret(), 2, true, 10000, "ACTIVE");
        Run run = run(capped, requests(profile, emails));
        assertThat(run.job().getInt("succeeded")).isEqualTo(12);
        Integer maxConcurrent = simulator().get("/admin/stats").then().statusCode(200).extract()
                .path("byApp.'" + CLIENT_ID + "'.maxConcurrent");
        assertThat(maxConcurrent).isBetween(1, 2);
    }

    @Test
    void mailboxOfADeadInstanceIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        scenario(List.of(mailbox("orphan@contoso.com", kind("ok"))));
        UUID profile = UUID.randomUUID();
        connections.put(graph(profile, 10000));
        TestAndEnableRequested request = request(UUID.randomUUID(), UUID.randomUUID(), 1, profile,
                "orphan@contoso.com");
        // what a worker killed mid-test leaves behind: a running job and a claimed row with a lease in the past
        try (var connection = dataSource.getConnection()) {
            try (var job = connection.prepareStatement("""
                    insert into job (id, environment_id, kind, state, total, created_on, started_on)
                    values (?, ?, 'MAILBOXES', 'RUNNING', 1, now(), now())""")) {
                job.setObject(1, request.jobId());
                job.setObject(2, request.environmentId());
                job.executeUpdate();
            }
            try (var row = connection.prepareStatement("""
                    insert into job_mailbox (id, job_id, mailbox_id, email_address, request, state, due_at, claim_id,
                                             lease_until, attempts)
                    values (?, ?, ?, ?, ?, 'RUNNING', now(), ?, now() - interval '1 second', 1)""")) {
                row.setObject(1, UUID.randomUUID());
                row.setObject(2, request.jobId());
                row.setObject(3, request.mailboxId());
                row.setString(4, request.emailAddress());
                row.setString(5, io.exsync.events.EventJson.write(request));
                row.setObject(6, UUID.randomUUID());
                row.executeUpdate();
            }
        }
        JsonPath job = awaitJob(request.jobId(), "COMPLETED");
        assertThat(job.getInt("succeeded")).isEqualTo(1);
        Map<String, Object> result = results(request.jobId()).get(request.mailboxId().toString());
        assertThat(result).containsEntry("outcome", "SUCCEEDED").containsEntry("attempts", 2);
    }

    @Test
    void aLivingInstanceRenewsTheLeasesOfItsOwnRunningTestsOnly() throws Exception {
        UUID job = UUID.randomUUID();
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        try (var connection = dataSource.getConnection()) {
            try (var insert = connection.prepareStatement("""
                    insert into job (id, environment_id, kind, state, total, created_on, started_on)
                    values (?, ?, 'MAILBOXES', 'RUNNING', 2, now(), now())""")) {
                insert.setObject(1, job);
                insert.setObject(2, UUID.randomUUID());
                insert.executeUpdate();
            }
            for (UUID claim : List.of(mine, theirs)) {
                try (var row = connection.prepareStatement("""
                        insert into job_mailbox (id, job_id, mailbox_id, request, state, due_at, claim_id,
                                                 lease_until, attempts)
                        values (?, ?, ?, '{}', 'RUNNING', now(), ?, now() + interval '1 minute', 1)""")) {
                    row.setObject(1, UUID.randomUUID());
                    row.setObject(2, job);
                    row.setObject(3, UUID.randomUUID());
                    row.setObject(4, claim);
                    row.executeUpdate();
                }
            }
        }
        try {
            assertThat(jobMailboxes.renewLeases(List.of(mine), Duration.ofMinutes(10))).isEqualTo(1);
            try (var connection = dataSource.getConnection();
                 var leases = connection.prepareStatement("""
                         select claim_id, lease_until > now() + interval '9 minutes' from job_mailbox
                         where job_id = ?""")) {
                leases.setObject(1, job);
                Map<UUID, Boolean> extended = new LinkedHashMap<>();
                try (var rs = leases.executeQuery()) {
                    while (rs.next()) {
                        extended.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
                    }
                }
                assertThat(extended).containsEntry(mine, true).containsEntry(theirs, false);
            }
        } finally {
            try (var connection = dataSource.getConnection();
                 var delete = connection.prepareStatement("""
                         delete from job_mailbox where job_id = ?; delete from job where id = ?""")) {
                delete.setObject(1, job);
                delete.setObject(2, job);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void profileCapHoldsAcrossInstancesThroughLeasedSlots() throws Exception {
        scenario(List.of(mailbox("shared@contoso.com", kind("ok"))));
        UUID profile = UUID.randomUUID();
        Connection base = graph(profile, 10000);
        Connection oneConnection = new Connection(base.profileId(), null, base.tenantId(), base.serverType(),
                base.authenticationType(), base.protocol(), base.authorityHost(), base.graphBaseUrl(), null, null,
                false, null, null, true, base.exchangeOnlineTenantId(), base.clientId(), null, null,
                base.clientSecret(), 1, true, 10000, "ACTIVE");
        // another instance holds the profile's only slot for 2 more seconds
        try (var connection = dataSource.getConnection();
             var slot = connection.prepareStatement("""
                     insert into connection_slot (key, slot, holder, lease_until)
                     values (?, 0, ?, now() + interval '2 seconds')""")) {
            slot.setString(1, "profile:" + profile);
            slot.setObject(2, UUID.randomUUID());
            slot.executeUpdate();
        }
        long started = System.nanoTime();
        Run run = run(oneConnection, requests(profile, List.of("shared@contoso.com")));
        assertThat(run.job().getInt("succeeded")).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        try (var connection = dataSource.getConnection();
             var left = connection.prepareStatement("select count(*) from connection_slot where key = ?")) {
            left.setString(1, "profile:" + profile);
            try (var rows = left.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("the slot is given back").isZero();
            }
        }
    }

    @Test
    void aHeldConnectionSlotIsLeasedForOneDispatcherLeaseAndRenewedUntilGivenBack() throws Exception {
        String key = "profile:" + UUID.randomUUID();
        // a test time limit of 10 minutes: the slot's lease is still the dispatcher's 30 s, kept alive by renewals
        try (ConcurrencyLimits.Permit permit = limits.profile(key, 2, 600_000)) {
            long first = slotLeaseSecondsFromNow(key);
            assertThat(first).as("lease of a fresh slot, seconds from now").isBetween(25L, 31L);
            try (var connection = dataSource.getConnection();
                 var shorten = connection.prepareStatement(
                         "update connection_slot set lease_until = now() + interval '5 seconds' where key = ?")) {
                shorten.setString(1, key);
                shorten.executeUpdate();
            }
            assertThat(limits.renewSlots()).as("slots renewed by this instance").isGreaterThanOrEqualTo(1);
            assertThat(slotLeaseSecondsFromNow(key)).as("lease after a renewal").isBetween(25L, 31L);
        }
        assertThat(slotLeaseSecondsFromNow(key)).as("no slot row once given back").isEqualTo(-1L);
        limits.renewSlots();
        assertThat(slotLeaseSecondsFromNow(key)).as("a renewal does not bring a given-back slot back").isEqualTo(-1L);
    }

    /** Seconds until the lease of the key's slot runs out, or -1 without a slot row. */
    private long slotLeaseSecondsFromNow(String key) throws Exception {
        try (var connection = dataSource.getConnection();
             var lease = connection.prepareStatement("""
                     select extract(epoch from lease_until - now())::bigint from connection_slot where key = ?""")) {
            lease.setString(1, key);
            try (var rows = lease.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1L;
            }
        }
    }
}

package io.exsync.mailbox.repository;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.testing.TestTopics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the end-to-end suite: the profile-events consumer (creator's role from EnvironmentRegistered) and the
 * approval-events consumer (RoleAssigned) granted the same role at once; the later commit failed on the primary key
 * and the valid EnvironmentRegistered went to the dead-letter topic. Both grants must commit.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RoleGrantRaceTest {

    @Inject
    ReadModelRepository readModels;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoTransactionsGrantingTheSameRoleAtOnceBothCommit() throws Exception {
        UUID environment = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        CountDownLatch firstGranted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            readModels.grant(environment, user, "System Administrator");
            firstGranted.countDown();
            await(secondStarted);
            sleep(300); // the second grant is now waiting on this transaction's row
        }));
        await(firstGranted);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            secondStarted.countDown();
            readModels.grant(environment, user, "System Administrator");
        }));

        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        try (var connection = dataSource.getConnection();
             var count = connection.prepareStatement(
                     "select count(*) from environment_role where environment_id = ? and user_id = ?")) {
            count.setObject(1, environment);
            count.setObject(2, user);
            try (var rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

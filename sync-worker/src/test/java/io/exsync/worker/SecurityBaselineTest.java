package io.exsync.worker;

import io.exsync.support.SecurityBaselineContract;
import io.exsync.events.testing.TestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Also gives the whole module its own database schema per test run (TestSchema). */
@QuarkusTest
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class SecurityBaselineTest extends SecurityBaselineContract {
}

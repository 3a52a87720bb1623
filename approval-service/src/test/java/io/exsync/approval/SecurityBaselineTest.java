package io.exsync.approval;

import io.exsync.support.SecurityBaselineContract;
import io.exsync.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Also gives the whole module its own database schema per test run (TestDatabase). */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "database", value = "exsync_approval"))
class SecurityBaselineTest extends SecurityBaselineContract {
}

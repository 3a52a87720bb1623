package io.exsync.worker;

import io.exsync.support.SecurityBaselineContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SecurityBaselineTest extends SecurityBaselineContract {
}

package io.exsync.simulator;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SimulatorStartupTest {

    @Test
    void startsAndReportsReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}

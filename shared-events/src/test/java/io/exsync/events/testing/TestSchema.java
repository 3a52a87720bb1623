package io.exsync.events.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Each test run gets its own schema in the module's database (dropped at the end), so a parallel build of the module
 * (another checkout, a CI job on the same machine) can never clean the tables under a running test. Use once per
 * module: {@code @QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database",
 * value = "exsync_profile"))} (test resources apply to every test of the module); without the initArg the database
 * is {@code exsync_shared_test} (shared-events' own tests).
 */
public class TestSchema implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = env("EXSYNC_DB_HOST", "127.0.0.1");
    private static final String PORT = env("EXSYNC_DB_PORT", "5432");
    private static final String USER = env("EXSYNC_DB_USER", "exsync");
    private static final String PASSWORD = env("EXSYNC_DB_PASSWORD", "exsync");

    private String database = "exsync_shared_test";
    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
        execute(url, "create schema " + schema);
        return Map.of("quarkus.datasource.jdbc.url", url + "?currentSchema=" + schema,
                "quarkus.flyway.schemas", schema,
                "quarkus.flyway.default-schema", schema);
    }

    @Override
    public void stop() {
        if (schema != null) {
            execute("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, "drop schema if exists " + schema
                    + " cascade");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test schema: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

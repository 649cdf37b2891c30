package kg;

import org.neo4j.cli.AdminTool;

/**
 * Runs {@code neo4j-admin} (e.g. {@code database import full ...}) from the project's jars, and
 * halts as soon as stdin closes: the Node process that started it holds the other end of the
 * pipe, so when that process dies (even by SIGKILL) no orphan importer keeps writing the store.
 */
public final class ImportLauncher {
    public static void main(String[] args) {
        Thread watcher = new Thread(() -> {
            try {
                byte[] buf = new byte[256];
                while (System.in.read(buf) >= 0) {
                    // ignore input; only EOF matters
                }
            } catch (Exception ignored) {
                // treat read errors like EOF
            }
            System.err.println("neo4j-admin: parent process gone (stdin closed); stopping");
            Runtime.getRuntime().halt(3);
        }, "import-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        AdminTool.main(args);
    }
}

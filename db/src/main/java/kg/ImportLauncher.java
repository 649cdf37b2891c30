package kg;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Runs {@code neo4j-admin} commands (e.g. {@code database import full ...}) from the project's
 * jars, read from stdin one per line: {@code warm|final TAB home TAB arg TAB arg ...}. A "warm"
 * command runs and the next line is read; the "final" one's exit code ends the JVM.
 *
 * Why lines on stdin rather than arguments: the ingest starts this JVM while it is still
 * extracting, and has it import a few rows into a scratch folder meanwhile, so that the real
 * import, sent once its files are written, finds the importer's classes loaded and its code
 * compiled (a first import in a JVM pays ~5 s for that; a second, ~1.5 s).
 *
 * The JVM halts as soon as stdin closes: the Node process that started it holds the other
 * end of the pipe, so when that process dies (even by SIGKILL) no orphan importer keeps
 * writing the store.
 */
public final class ImportLauncher {
    public static void main(String[] ignored) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (Exception ignoredError) {
                // treat read errors like EOF
            }
            System.err.println("neo4j-admin: parent process gone (stdin closed); stopping");
            Runtime.getRuntime().halt(3);
        }, "import-parent-watch");
        reader.setDaemon(true);
        reader.start();
        for (;;) {
            String line = lines.take();
            String[] fields = line.split("\t", -1);
            boolean last = fields[0].equals("final");
            if (fields.length < 2 || !(last || fields[0].equals("warm"))) {
                System.err.println("kg-import: not a command line: " + line);
                Runtime.getRuntime().halt(2);
            }
            Path home = Path.of(fields[1]);
            String[] args = Arrays.copyOfRange(fields, 2, fields.length);
            int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), args);
            System.out.println("kg-import: " + fields[0] + " command exited with " + code);
            System.out.flush();
            if (last) System.exit(code);
        }
    }
}

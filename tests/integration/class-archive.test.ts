/**
 * The class-data archives the install makes (db/class-archive.ts) match the jars: a JVM
 * with an archive that does not match loads every class from the jars again, silently
 * slower (server start to Bolt +4-5 s of CPU on a new store).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ensureClassArchives } from "../../db/class-archive.ts";
import { classArchiveFlags, ensureNeo4jInstalled, MAIN_CLASS } from "../../db/install.ts";
import { IMPORT_MAIN_CLASS } from "../../db/neo4j-import.ts";

describe("class-data archives", () => {
  it("are mapped by the server's and the importer's JVMs: their main classes come from the archive", async () => {
    const inst = await ensureNeo4jInstalled({ log: () => {} });
    // A no-op when the install made them; otherwise a training run of both JVMs.
    await ensureClassArchives(inst);
    for (const [kind, mainClass] of [
      ["server", MAIN_CLASS],
      ["import", IMPORT_MAIN_CLASS],
    ] as const) {
      const flags = classArchiveFlags(inst.dbDir, kind);
      expect(flags).toHaveLength(1);
      // -Xshare:on: an archive that cannot be mapped is an error, not a quiet fallback.
      const run = spawnSync(
        inst.java,
        ["-Xshare:on", "-Xlog:class+load=info", ...flags, "-cp", inst.classpath, mainClass],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 },
      );
      expect(run.stdout, run.stderr).toMatch(
        new RegExp(`${mainClass.replace(".", "\\.")} source: shared objects file`),
      );
    }
  }, 600_000);
});

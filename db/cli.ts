/**
 * tsx db/cli.ts start|stop|status [--port N] [--data-dir DIR] [--heap SIZE]
 * tsx db/cli.ts install [--force] [--if-possible]
 *
 * Defaults come from the project config (NEO4J_PORT=7687, NEO4J_DATA_DIR=.data/neo4j relative to the
 * repo root, NEO4J_HEAP=1g); flags win. `install --if-possible` (npm postinstall) never fails: when
 * Java/Maven are missing or the build fails it prints why and exits 0, and `start` reports it again.
 * Exit code 0 on success, 1 on failure (`status` exits 1 when the server is not running and ready).
 */
import path from "node:path";
import { parseConfig } from "@kg/graph-schema";
import { ensureClassArchives } from "./class-archive.ts";
import { DB_DIR } from "./install.ts";
import {
  DEFAULT_HEAP,
  ensureNeo4jInstalled,
  Neo4jSetupError,
  neo4jStatus,
  startNeo4j,
  stopNeo4j,
} from "./neo4j-server.ts";

const REPO_ROOT = path.dirname(DB_DIR);
const USAGE =
  "usage: tsx db/cli.ts start|stop|status [--port N] [--data-dir DIR] [--heap SIZE] | install [--force] [--if-possible]";

interface Args {
  cmd: string;
  flags: Set<string>;
  port?: number;
  dataDir?: string;
  heap?: string;
}

function parseArgs(argv: string[]): Args {
  const [cmd = "", ...rest] = argv;
  const args: Args = { cmd, flags: new Set() };
  for (let i = 0; i < rest.length; i++) {
    const [flag = "", inline] = rest[i]!.split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new Neo4jSetupError(`db: missing value for ${flag}\n${USAGE}`);
      return v;
    };
    if (flag === "--port") {
      args.port = Number(value());
      if (!Number.isInteger(args.port) || args.port <= 0 || args.port > 65535) {
        throw new Neo4jSetupError(`db: invalid --port\n${USAGE}`);
      }
    } else if (flag === "--data-dir") args.dataDir = path.resolve(value());
    else if (flag === "--heap") args.heap = value();
    else if (cmd === "install" && (flag === "--force" || flag === "--if-possible")) args.flags.add(flag);
    else throw new Neo4jSetupError(`db: unknown option ${flag}\n${USAGE}`);
  }
  return args;
}

async function install(args: Args): Promise<number> {
  const ifPossible = args.flags.has("--if-possible");
  try {
    const r = await ensureNeo4jInstalled({ force: args.flags.has("--force") });
    console.log(r.ranMaven ? `db: installed (${(r.ms / 1000).toFixed(1)} s)` : "db: already installed");
    try {
      await ensureClassArchives(r, { log: (m) => console.error(m), force: args.flags.has("--force") });
    } catch (e) {
      // Only a speed-up: every JVM starts without its archive too.
      console.error(
        `${e instanceof Error ? e.message : String(e)}\ndb: no class-data archives; JVMs start slower`,
      );
    }
    return 0;
  } catch (e) {
    if (!ifPossible) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    console.error(
      `${msg.split("\n")[0]}\ndb: skipped the local Neo4j install; \`npm run db:start\` will retry it`,
    );
    return 0;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.cmd === "install") return install(args);

  const config = parseConfig(process.env);
  const port = args.port ?? config.NEO4J_PORT;
  const dataDir = args.dataDir ?? path.resolve(REPO_ROOT, config.NEO4J_DATA_DIR);
  const heap = args.heap ?? config.NEO4J_HEAP ?? DEFAULT_HEAP;

  switch (args.cmd) {
    case "start": {
      const t0 = Date.now();
      const h = await startNeo4j({
        port,
        dataDir,
        heap,
        detached: true,
        install: { log: (m) => console.error(m) },
      });
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(
        h.reused
          ? `neo4j: already running on ${h.boltUri} (pid ${h.pid}, data ${h.dataDir})`
          : `neo4j: bolt ready on ${h.boltUri} (pid ${h.pid}, data ${h.dataDir}, ${secs} s)`,
      );
      return 0;
    }
    case "stop": {
      const r = await stopNeo4j({ dataDir });
      console.log(r.message);
      return 0;
    }
    case "status": {
      const s = await neo4jStatus({ dataDir, port });
      if (s.running && s.ready) {
        console.log(`neo4j: running on ${s.boltUri} (pid ${s.pid}, data ${dataDir})`);
        return 0;
      }
      if (s.running) {
        console.log(`neo4j: pid ${s.pid} alive but Bolt on ${s.boltUri} not answering (starting or stuck)`);
        return 1;
      }
      console.log(
        s.portInUse
          ? `neo4j: not running for ${dataDir} (port ${s.port} is used by another process)`
          : `neo4j: not running (data ${dataDir})`,
      );
      return 1;
    }
    default:
      throw new Neo4jSetupError(USAGE);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);

/**
 * tsx db/cli.ts <start|stop|status|install> [--port 7687] [--data-dir <repo>/.data/neo4j] [--heap 1g]
 *
 * Env: NEO4J_HEAP overrides the default heap (1g); JAVA / MVN are not read — java and mvn come from PATH.
 * Exit code 0 on success, 1 on failure.
 */
import * as path from 'node:path';
import {
  DEFAULT_HEAP,
  DEFAULT_PORT,
  ensureNeo4jInstalled,
  neo4jStatus,
  Neo4jSetupError,
  startNeo4j,
  stopNeo4j,
} from './neo4j-server.js';
import { DB_DIR } from './install.js';

const REPO_ROOT = path.dirname(DB_DIR);
const USAGE = 'usage: tsx db/cli.ts <start|stop|status|install> [--port N] [--data-dir DIR] [--heap SIZE]';

interface Args {
  cmd: string;
  port: number;
  dataDir: string;
  heap: string;
}

function parseArgs(argv: string[]): Args {
  const [cmd = '', ...rest] = argv;
  let port = DEFAULT_PORT;
  let dataDir = path.join(REPO_ROOT, '.data', 'neo4j');
  let heap = process.env.NEO4J_HEAP || DEFAULT_HEAP;
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new Neo4jSetupError(`db: missing value for ${flag}\n${USAGE}`);
      return v;
    };
    if (flag === '--port') port = Number(value());
    else if (flag === '--data-dir') dataDir = path.resolve(value());
    else if (flag === '--heap') heap = value();
    else throw new Neo4jSetupError(`db: unknown option ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Neo4jSetupError(`db: invalid --port\n${USAGE}`);
  return { cmd, port, dataDir, heap };
}

async function main(): Promise<number> {
  const a = parseArgs(process.argv.slice(2));
  switch (a.cmd) {
    case 'install': {
      const r = await ensureNeo4jInstalled({ force: process.argv.includes('--force') });
      console.log(r.ranMaven ? `db: installed (${(r.ms / 1000).toFixed(1)} s)` : 'db: already installed');
      return 0;
    }
    case 'start': {
      const t0 = Date.now();
      const h = await startNeo4j({
        port: a.port,
        dataDir: a.dataDir,
        heap: a.heap,
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
    case 'stop': {
      const r = await stopNeo4j({ dataDir: a.dataDir });
      console.log(r.message);
      return 0;
    }
    case 'status': {
      const s = await neo4jStatus({ dataDir: a.dataDir, port: a.port });
      if (s.running && s.ready) {
        console.log(`neo4j: running on ${s.boltUri} (pid ${s.pid}, data ${a.dataDir})`);
        return 0;
      }
      if (s.running) {
        console.log(`neo4j: pid ${s.pid} alive but Bolt on ${s.boltUri} not answering (starting or stuck)`);
        return 1;
      }
      console.log(
        s.portInUse
          ? `neo4j: not running for ${a.dataDir} (port ${s.port} is used by another process)`
          : `neo4j: not running (data ${a.dataDir})`,
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
    console.error(e instanceof Neo4jSetupError ? e.message : e instanceof Error ? e.stack : String(e));
    process.exit(1);
  },
);

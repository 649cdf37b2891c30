/**
 * The local Neo4j's password: generated once per data folder and kept in
 * `<dataDir>/neo4j.password`, readable by its owner only (0600). The launcher reads it
 * from the file (never from the command line, which every local user can see), and
 * every client of the local server reads it from the same file.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export const LOCAL_USER = "neo4j";

export const passwordFileFor = (dataDir: string) => path.join(path.resolve(dataDir), "neo4j.password");

/** The password of the local Neo4j for dataDir, made (0600) when there is none yet. */
export function ensureLocalPassword(dataDir: string): string {
  const file = passwordFileFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(24).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A file made by hand or copied may be readable by others: tighten it.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return readLocalPassword(dataDir) as string;
}

/** The password in dataDir's password file, or undefined when there is none. */
export function readLocalPassword(dataDir: string): string | undefined {
  try {
    const password = fs.readFileSync(passwordFileFor(dataDir), "utf8").trim();
    return password || undefined;
  } catch {
    return undefined;
  }
}

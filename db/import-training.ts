/**
 * A few rows in the shapes a bulk load's files have (strings, arrays, numbers, two labels):
 * what the importer imports to train its JVM, at install for the class-data archive
 * (class-archive.ts) and in a prelaunched importer while the ingest still extracts
 * (neo4j-import.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const TRAINING_DELIMITER = "\u001f";

export interface TrainingFiles {
  nodes: string[];
  relationships: string[];
  arrayDelimiter: string;
  multiline: string[];
}

export function writeTrainingCsv(dir: string): TrainingFiles {
  const d = TRAINING_DELIMITER;
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, `${lines.join("\n")}\n`);
    return f;
  };
  const papers = file("papers.csv", [
    "id:ID(Paper),title,abstract,authors:string[],bytes:long",
    ...[1, 2, 3].map((i) => `"p${i}","Title ${i}","An abstract, ${i}.","A${i}${d}B${i}",${i}`),
  ]);
  const models = file("models.csv", [
    "key:ID(Model),name,aliases:string[]",
    ...[1, 2].map((i) => `"m${i}","M-${i}","M-${i}${d}m ${i}"`),
  ]);
  const introduces = file("introduces.csv", [
    ":START_ID(Paper),:END_ID(Model),evidence:string[],evidenceConfidences:double[],confidence:double",
    `"p1","m1","s${d}t",0.5${d}0.75,0.75`,
    `"p2","m2","s",0.5,0.5`,
  ]);
  const basedOn = file("based-on.csv", [":START_ID(Model),:END_ID(Model),method", `"m2","m1",`]);
  return {
    nodes: [`Paper=${papers}`, `Model=${models}`],
    relationships: [`INTRODUCES=${introduces}`, `BASED_ON=${basedOn}`],
    arrayDelimiter: d,
    multiline: [],
  };
}

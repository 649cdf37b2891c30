/**
 * `npx tsx bench/lineage-report.ts extraction.json [sample]`: the issue-8 figures of a
 * `kg extract --format json` output — BASED_ON + TRAINED_ON edges, duplicate groups (Model
 * or Dataset names equal after removing case and punctuation; printed twice, with "+" taken
 * as punctuation as the issue words it, and with "+" kept, since RefCOCO+ and HumanEval+ are
 * other data sets than RefCOCO and HumanEval), entities without any edge,
 * names that are both a Model and a Dataset — and a seeded random sample of lineage edges
 * with their evidence, to be read and judged by hand.
 */
import { readFile } from "node:fs/promises";
import type { ExtractionResult } from "@kg/graph-schema";
import { mulberry32 } from "../web/server/random.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/lineage-report.ts <extraction.json> [sample size]");
const SAMPLE = Number(process.argv[3] ?? 50);

const squash = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const squashKeepingPlus = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}+]/gu, "");

const result = JSON.parse(await readFile(file, "utf8")) as ExtractionResult;
const byType = new Map<string, number>();
for (const e of result.edges) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
console.log(
  `edges by type: ${[...byType]
    .sort()
    .map(([t, n]) => `${t} ${n}`)
    .join(", ")}`,
);
console.log(`BASED_ON + TRAINED_ON: ${(byType.get("BASED_ON") ?? 0) + (byType.get("TRAINED_ON") ?? 0)}`);

const groups = new Map<string, Set<string>>();
const groupsKeepingPlus = new Map<string, Set<string>>();
const labelsOfName = new Map<string, Set<string>>();
const labelsOfNameKeepingPlus = new Map<string, Set<string>>();
for (const n of result.nodes) {
  if (n.label !== "Model" && n.label !== "Dataset") continue;
  for (const [byName, squashed] of [
    [groups, squash(n.name)],
    [groupsKeepingPlus, squashKeepingPlus(n.name)],
  ] as const) {
    const k = `${n.label}:${squashed}`;
    if (!byName.has(k)) byName.set(k, new Set());
    byName.get(k)?.add(n.key);
  }
  for (const [byName, squashed] of [
    [labelsOfName, squash(n.name)],
    [labelsOfNameKeepingPlus, squashKeepingPlus(n.name)],
  ] as const) {
    if (!byName.has(squashed)) byName.set(squashed, new Set());
    byName.get(squashed)?.add(n.label);
  }
}
for (const [what, byName] of [
  ["duplicate groups", groups],
  ["duplicate groups, + kept", groupsKeepingPlus],
] as const) {
  const dups = [...byName].filter(([, keys]) => keys.size > 1);
  console.log(`${what}: ${dups.length} ${dups.map(([k, v]) => `${k}=${[...v].join("|")}`).join("; ")}`);
}
for (const [what, byName] of [
  ["names both Model and Dataset", labelsOfName],
  ["names both Model and Dataset, + kept", labelsOfNameKeepingPlus],
] as const) {
  const both = [...byName].filter(([, l]) => l.size > 1).map(([n]) => n);
  console.log(`${what}: ${both.length} ${both.join(", ")}`);
}
const touched = new Set<string>();
for (const e of result.edges) {
  for (const end of [e.from, e.to]) if ("key" in end) touched.add(`${end.label}:${end.key}`);
}
console.log(
  `entities without any edge: ${result.nodes.filter((n) => !touched.has(`${n.label}:${n.key}`)).length}`,
);

const names = new Map(result.nodes.map((n) => [`${n.label}:${n.key}`, n.name]));
const nameOf = (end: ExtractionResult["edges"][number]["from"]): string =>
  "key" in end ? (names.get(`${end.label}:${end.key}`) ?? end.key) : end.id;
const lineage = result.edges.filter((e) => e.type === "BASED_ON" || e.type === "TRAINED_ON");
const random = mulberry32(20261201);
const pool = [...lineage];
console.log(`\nsample of ${Math.min(SAMPLE, pool.length)} of ${pool.length} BASED_ON/TRAINED_ON edges:`);
for (let i = 0; i < SAMPLE && pool.length > 0; i++) {
  const e = pool.splice(Math.floor(random() * pool.length), 1)[0] as (typeof lineage)[number];
  const ev = e.evidence[0];
  const method = e.properties.method ? ` (${e.properties.method})` : "";
  console.log(
    `${String(i + 1).padStart(2)}. ${e.type} ${nameOf(e.from)} -> ${nameOf(e.to)}${method} [${ev?.extractor}]`,
  );
  console.log(`    "${ev?.sentence}"`);
}

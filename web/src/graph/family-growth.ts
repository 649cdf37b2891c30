import { type LineageResponse, monthIndex } from "@kg/graph-schema";

export interface GrowthMember {
  id: string;
  name: string;
  /** "derived": a text-stated descendant (BASED_ON); "variant": a name-grammar family member. */
  kind: "derived" | "variant";
  date: string;
  /** Only a paper naming it has a date (no introducing paper has one). */
  named: boolean;
}

export interface GrowthMonth {
  /** graph-schema monthIndex. */
  month: number;
  derived: GrowthMember[];
  variants: GrowthMember[];
  /** Members up to and including this month. */
  cumulative: number;
}

export interface FamilyGrowth {
  months: GrowthMonth[];
  /** Members no dated paper speaks of. */
  undated: number;
  total: number;
}

/**
 * How a model's family grew: its descendants (stated in the text) and its name-grammar
 * family, each at the month of the paper that introduced it (or first named it), one
 * entry per month from the first to the last, empty months included so the axis is time.
 * The root itself is not counted; a model that is both derived and a variant counts once,
 * as derived (the text said so).
 */
export function familyGrowth(lineage: LineageResponse): FamilyGrowth {
  const members = new Map<string, { name: string; kind: GrowthMember["kind"] }>();
  for (const n of lineage.graph.nodes) {
    const level = n.properties.level;
    if (typeof level === "number" && level > 0) members.set(n.id, { name: n.name, kind: "derived" });
  }
  for (const n of lineage.family.nodes) {
    if (n.id !== lineage.root && !members.has(n.id)) members.set(n.id, { name: n.name, kind: "variant" });
  }
  const byMonth = new Map<number, GrowthMember[]>();
  let undated = 0;
  for (const [id, m] of members) {
    const date = lineage.dates[id];
    const month = monthIndex(date?.date);
    if (!date || month < 0) {
      undated++;
      continue;
    }
    const list = byMonth.get(month) ?? [];
    list.push({ id, name: m.name, kind: m.kind, date: date.date, named: date.by === "named" });
    byMonth.set(month, list);
  }
  const keys = [...byMonth.keys()];
  const months: GrowthMonth[] = [];
  if (keys.length > 0) {
    let cumulative = 0;
    for (let month = Math.min(...keys); month <= Math.max(...keys); month++) {
      const list = (byMonth.get(month) ?? []).sort(
        (a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name),
      );
      cumulative += list.length;
      months.push({
        month,
        derived: list.filter((m) => m.kind === "derived"),
        variants: list.filter((m) => m.kind === "variant"),
        cumulative,
      });
    }
  }
  return { months, undated, total: members.size };
}

/**
 * Plain-text tables for the CLI: columns padded to their widest cell, long cells cut
 * with an ellipsis, nodes and relationships shown by name rather than as JSON.
 */

const MAX_CELL = 60;

/** A cell as a short readable string: nodes by `Label:key`, lists joined, maps as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(formatCell).join(", ");
  const v = value as {
    kind?: string;
    labels?: string[];
    type?: string;
    properties?: Record<string, unknown>;
  };
  if (v.kind === "node") {
    const p = v.properties ?? {};
    const name = p.name ?? p.title ?? p.path ?? p.key ?? p.id ?? "";
    return `(${v.labels?.join(":") ?? ""} ${String(name)})`;
  }
  if (v.kind === "relationship") return `[:${v.type}]`;
  if (v.kind === "path") {
    const path = value as { nodes: unknown[] };
    return path.nodes.map(formatCell).join("→");
  }
  return JSON.stringify(value);
}

function cut(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

/** Rows under a header, columns separated by two spaces, a rule under the header. */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  maxCell = MAX_CELL,
): string {
  const cells = rows.map((row) => columns.map((_, i) => cut(formatCell(row[i]), maxCell)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (parts: readonly string[]) =>
    parts
      .map((p, i) => (i === parts.length - 1 ? p : p.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[line(columns), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n")}\n`;
}

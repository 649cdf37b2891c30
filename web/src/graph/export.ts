import { toBlob } from "@sigma/export-image";
import { write as writeGexf } from "graphology-gexf/browser";
import type Sigma from "sigma";
import type { KgSigma } from "../sigma/context.ts";
import type { Visibility } from "./filters.ts";
import { createKgGraph, type KgGraph } from "./model.ts";

export type ExportFormat = "png" | "graphml" | "gexf" | "json";

/** The drawn graph less what the filters hide: what the user sees is what is exported. */
export function visibleCopy(graph: KgGraph, visibility: Visibility | null): KgGraph {
  const out = createKgGraph();
  const hiddenNodes = visibility?.hiddenNodes;
  const hiddenEdges = visibility?.hiddenEdges;
  graph.forEachNode((id, attrs) => {
    if (!hiddenNodes?.has(id)) out.addNode(id, { ...attrs });
  });
  graph.forEachEdge((key, attrs, source, target) => {
    if (hiddenEdges?.has(key) || !out.hasNode(source) || !out.hasNode(target)) return;
    out.addDirectedEdgeWithKey(key, source, target, { ...attrs });
  });
  return out;
}

const xml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

const NODE_KEYS = [
  ["label", "string"],
  ["kind", "string"],
  ["x", "double"],
  ["y", "double"],
  ["size", "double"],
  ["color", "string"],
  ["degree", "int"],
] as const;

/** GraphML with the label, kind (node label), position, size and colour of each node, and each edge's type. */
export function toGraphML(graph: KgGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(
      ([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`,
    ),
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="G" edgedefault="directed">',
  ];
  graph.forEachNode((id, attrs) => {
    const data = NODE_KEYS.map(([name]) => {
      const value = attrs[name];
      return value === undefined ? "" : `<data key="${name}">${xml(String(value))}</data>`;
    }).join("");
    lines.push(`    <node id="${xml(id)}">${data}</node>`);
  });
  graph.forEachEdge((key, attrs, source, target) => {
    lines.push(
      `    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}"><data key="type">${xml(attrs.relType)}</data></edge>`,
    );
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n");
}

/** GEXF through graphology-gexf, with positions, sizes and colours as viz attributes (Gephi reads them). */
export function toGEXF(graph: KgGraph): string {
  const text = writeGexf(graph, {
    formatNode: (_key, attrs) => ({
      label: attrs.label,
      attributes: { kind: attrs.kind, degree: attrs.degree },
      viz: { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color },
    }),
    formatEdge: (_key, attrs) => ({ label: attrs.relType, attributes: { type: attrs.relType } }),
  });
  // graphology-gexf writes its namespace URLs with three slashes (`http:///www.gexf.net…`), which strict readers refuse.
  return text.replaceAll("http:///", "http://");
}

/** graphology's serialisation (nodes and edges with their attributes), which graphology `import` reads back. */
export function toJSON(graph: KgGraph): string {
  return JSON.stringify(graph.export());
}

export function exportFileName(format: ExportFormat, what = "graph"): string {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `kg-${what}-${stamp}.${format === "json" ? "json" : format}`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports a graph (and, for PNG, the sigma drawing it) as a downloaded file. */
export async function exportGraph(
  format: ExportFormat,
  graph: KgGraph,
  sigma: KgSigma | null,
  what = "graph",
): Promise<void> {
  const fileName = exportFileName(format, what);
  if (format === "png") {
    if (!sigma) throw new Error("web/export: nothing is drawn to take a picture of.");
    const blob = await toBlob(sigma as unknown as Sigma, {
      format: "png",
      backgroundColor: "#ffffff",
      fileName,
    });
    download(blob, fileName);
    return;
  }
  const text = format === "graphml" ? toGraphML(graph) : format === "gexf" ? toGEXF(graph) : toJSON(graph);
  const type = format === "json" ? "application/json" : "application/xml";
  download(new Blob([text], { type }), fileName);
}

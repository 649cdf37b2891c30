import { EXPORT_DETAILS_MAX_IDS, type ExportDetailsResponse } from "@kg/graph-schema";
import { toBlob } from "@sigma/export-image";
import { write as writeGexf } from "graphology-gexf/browser";
import type Sigma from "sigma";
import { api } from "../api/client.ts";
import type { KgSigma } from "../sigma/context.ts";
import type { Visibility } from "./filters.ts";
import { createKgGraph, type EdgeAttrs, type KgGraph, type NodeAttrs } from "./model.ts";

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

/**
 * What an export carries beyond the drawing, from the server: a paper's date and arXiv
 * id, an entity's first-seen date, each relationship's method and evidence sentences
 * with the arXiv ids of the papers they were read from.
 */
export interface ExportDetails {
  nodes: Map<string, { date: string; arxivId: string; title: string }>;
  edges: Map<string, { method: string; evidence: string[]; evidencePapers: string[] }>;
}

const edgeKey = (source: string, type: string, target: string) => `${source}|${type}|${target}`;

/** Details for the graph's nodes and edges; empty when the graph is over the server's cap. */
export async function fetchExportDetails(graph: KgGraph): Promise<ExportDetails> {
  const details: ExportDetails = { nodes: new Map(), edges: new Map() };
  const ids = graph.nodes();
  if (ids.length === 0 || ids.length > EXPORT_DETAILS_MAX_IDS) return details;
  const answer: ExportDetailsResponse = await api.exportDetails({ body: { ids } });
  for (const [id, n] of Object.entries(answer.nodes)) {
    details.nodes.set(id, { date: n.date ?? "", arxivId: n.arxivId ?? "", title: n.title ?? "" });
  }
  for (const e of answer.edges) {
    details.edges.set(edgeKey(e.source, e.type, e.target), {
      method: e.method ?? "",
      evidence: e.evidence,
      evidencePapers: e.evidencePapers,
    });
  }
  return details;
}

const NO_DETAILS: ExportDetails = { nodes: new Map(), edges: new Map() };

/** Evidence sentences in one attribute of a text format: separated by a line that no sentence holds. */
export const EVIDENCE_SEPARATOR = " ¦ ";

/** Node and edge attributes of the export files, the drawing's and the details. */
function nodeData(id: string, attrs: NodeAttrs, details: ExportDetails) {
  const d = details.nodes.get(id);
  return {
    label: attrs.label,
    kind: attrs.kind,
    x: attrs.x,
    y: attrs.y,
    size: attrs.size,
    color: attrs.color,
    degree: attrs.degree,
    date: d?.date ?? "",
    arxivId: d?.arxivId ?? "",
    title: d?.title ?? "",
  };
}

function edgeData(attrs: EdgeAttrs, source: string, target: string, details: ExportDetails) {
  const d = details.edges.get(edgeKey(source, attrs.relType, target));
  return {
    type: attrs.relType,
    method: d?.method ?? "",
    evidence: (d?.evidence ?? []).join(EVIDENCE_SEPARATOR),
    evidencePapers: (d?.evidencePapers ?? []).join(" "),
  };
}

const NODE_KEYS = [
  ["label", "string"],
  ["kind", "string"],
  ["x", "double"],
  ["y", "double"],
  ["size", "double"],
  ["color", "string"],
  ["degree", "int"],
  ["date", "string"],
  ["arxivId", "string"],
  ["title", "string"],
] as const;

const EDGE_KEYS = ["type", "method", "evidence", "evidencePapers"] as const;

/**
 * GraphML with the label, kind (node label), position, size, colour, date and arXiv id
 * of each node, and each edge's type, method and evidence with the papers it came from.
 */
export function toGraphML(graph: KgGraph, details: ExportDetails = NO_DETAILS): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(
      ([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`,
    ),
    ...EDGE_KEYS.map((name) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="string"/>`),
    '  <graph id="G" edgedefault="directed">',
  ];
  graph.forEachNode((id, attrs) => {
    const values = nodeData(id, attrs, details);
    const data = NODE_KEYS.map(([name]) => {
      const value = values[name];
      return value === undefined || value === "" ? "" : `<data key="${name}">${xml(String(value))}</data>`;
    }).join("");
    lines.push(`    <node id="${xml(id)}">${data}</node>`);
  });
  graph.forEachEdge((key, attrs, source, target) => {
    const values = edgeData(attrs, source, target, details);
    const data = EDGE_KEYS.map((name) =>
      values[name] === "" ? "" : `<data key="e_${name}">${xml(values[name])}</data>`,
    ).join("");
    lines.push(`    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}">${data}</edge>`);
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n");
}

/** GEXF through graphology-gexf, with positions, sizes and colours as viz attributes (Gephi reads them). */
export function toGEXF(graph: KgGraph, details: ExportDetails = NO_DETAILS): string {
  const text = writeGexf(graph, {
    formatNode: (key, attrs) => {
      const { label, x, y, size, color, ...attributes } = nodeData(key, attrs, details);
      return { label, attributes, viz: { x, y, size, color } };
    },
    formatEdge: (key, attrs) => ({
      label: attrs.relType,
      attributes: edgeData(attrs, graph.source(key), graph.target(key), details),
    }),
  });
  // graphology-gexf writes its namespace URLs with three slashes (`http:///www.gexf.net…`), which strict readers refuse.
  return text.replaceAll("http:///", "http://");
}

/**
 * graphology's serialisation (nodes and edges with their attributes), which graphology
 * `import` reads back; the details as attributes (evidence as a list of sentences).
 */
export function toJSON(graph: KgGraph, details: ExportDetails = NO_DETAILS): string {
  const data = graph.export();
  for (const node of data.nodes) {
    const d = details.nodes.get(node.key);
    if (d) node.attributes = { ...node.attributes, ...d } as typeof node.attributes;
  }
  for (const edge of data.edges) {
    const type = edge.attributes?.relType ?? "";
    const d = details.edges.get(edgeKey(edge.source, type, edge.target));
    if (d) edge.attributes = { ...edge.attributes, ...d } as typeof edge.attributes;
  }
  return JSON.stringify(data);
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
  const details = await fetchExportDetails(graph);
  const text =
    format === "graphml"
      ? toGraphML(graph, details)
      : format === "gexf"
        ? toGEXF(graph, details)
        : toJSON(graph, details);
  const type = format === "json" ? "application/json" : "application/xml";
  download(new Blob([text], { type }), fileName);
}

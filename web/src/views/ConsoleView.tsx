import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { type CypherResponse, NODE_LABELS, REL_TYPES } from "@kg/graph-schema";
import type { EditorApi } from "@neo4j-cypher/codemirror";
import { CypherEditor } from "@neo4j-cypher/react-codemirror";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { Fragment, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiRequestError, api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { NodeLink } from "../components/NodeLink.tsx";
import { consoleGraph } from "../graph/console-graph.ts";
import { loadSmallGraph } from "../graph/small-graph.ts";
import { useSigma } from "../sigma/context.ts";
import { views } from "../sigma/main-view.ts";
import { SigmaHost } from "../sigma/SigmaHost.tsx";
import { focusNode } from "../state/navigation.ts";
import { actions, appStore, useApp } from "../state/store.ts";
import { EXAMPLE_QUERIES } from "./console-examples.ts";
import { clearHistory, type HistoryEntry, pushHistory, readHistory } from "./console-history.ts";

type RunState =
  | { state: "idle" }
  | { state: "running" }
  | { state: "ok"; result: CypherResponse }
  | {
      state: "error";
      message: string;
      code?: string;
      position?: { line: number; column: number; offset: number };
    };

const FALLBACK_SCHEMA = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...REL_TYPES],
  propertyKeys: [
    "key",
    "name",
    "aliases",
    "id",
    "title",
    "abstract",
    "arxivId",
    "kind",
    "method",
    "evidence",
    "confidence",
  ],
};

/** A node as the console sends it in rows (queries/run/plain.ts). */
interface RowNode {
  kind: "node";
  labels: string[];
  properties: Record<string, unknown>;
}
interface RowRelationship {
  kind: "relationship";
  type: string;
  properties: Record<string, unknown>;
}
interface RowPath {
  kind: "path";
  nodes: RowNode[];
  relationships: RowRelationship[];
}

function kindOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === "string" ? kind : null;
}

const CELL_TEXT_MAX = 300;
const CELL_LIST_MAX = 20;

const clip = (text: string) => (text.length > CELL_TEXT_MAX ? `${text.slice(0, CELL_TEXT_MAX)}…` : text);

/** A node as a link to its card when it is one of the graph's, else `(:Label name)`. */
function NodeCell({ node }: { node: RowNode }): ReactNode {
  const p = node.properties;
  const label = node.labels.find((l): l is (typeof NODE_LABELS)[number] =>
    (NODE_LABELS as readonly string[]).includes(l),
  );
  const key = typeof p.key === "string" ? p.key : typeof p.id === "string" ? p.id : null;
  const name = [p.name, p.title, p.path, key].find((v): v is string => typeof v === "string") ?? "";
  if (label && key !== null) return <NodeLink id={`${label}:${key}`} label={label} name={name} />;
  return <span className="cell-node">{`(:${node.labels.join(":")} ${name})`}</span>;
}

/** A relationship as `[:TYPE method]`, its first evidence sentence on hover. */
function RelationshipCell({ rel }: { rel: RowRelationship }): ReactNode {
  const method = typeof rel.properties.method === "string" ? ` ${rel.properties.method}` : "";
  const evidence = Array.isArray(rel.properties.evidence) ? rel.properties.evidence : [];
  const first = typeof evidence[0] === "string" ? evidence[0] : undefined;
  return (
    <span className="cell-rel" title={first}>
      {`[:${rel.type}${method}]`}
      {evidence.length > 0 && <span className="muted small">{` · ${evidence.length} evidence`}</span>}
    </span>
  );
}

/** Any value of a result row, readable: nodes as links, relationships and paths in arrows, lists and maps laid out. */
function Cell({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span className="muted">null</span>;
  if (typeof value === "string") return clip(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const kind = kindOf(value);
  if (kind === "node") return <NodeCell node={value as RowNode} />;
  if (kind === "relationship") return <RelationshipCell rel={value as RowRelationship} />;
  if (kind === "path") {
    const path = value as RowPath;
    return (
      <span className="cell-path">
        {path.nodes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path's steps are positional.
          <Fragment key={i}>
            {i > 0 && <span className="muted">{` −[:${path.relationships[i - 1]?.type ?? ""}]→ `}</span>}
            <NodeCell node={n} />
          </Fragment>
        ))}
      </span>
    );
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, CELL_LIST_MAX);
    return (
      <span className="cell-list">
        [
        {shown.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items are positional.
          <Fragment key={i}>
            {i > 0 && ", "}
            <Cell value={v} />
          </Fragment>
        ))}
        {value.length > shown.length && (
          <span className="muted">{`, … ${value.length - shown.length} more`}</span>
        )}
        ]
      </span>
    );
  }
  if (typeof value === "object") {
    return (
      <dl className="cell-map">
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>
              <Cell value={v} />
            </dd>
          </Fragment>
        ))}
      </dl>
    );
  }
  return clip(String(value));
}

function ResultTable({ result }: { result: CypherResponse }) {
  if (result.rows.length === 0) return <p className="muted pad">No rows.</p>;
  return (
    <div className="table-scroll">
      <table className="result-table" data-testid="result-table">
        <thead>
          <tr>
            <th className="muted">#</th>
            {result.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.slice(0, 1000).map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
            <tr key={i}>
              <td className="muted">{i + 1}</td>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                <td key={j}>
                  <Cell value={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {result.rows.length > 1000 && <p className="muted pad">Showing 1,000 of {result.rows.length} rows.</p>}
    </div>
  );
}

function ResultGraphEvents() {
  const sigma = useSigma();
  useEffect(() => {
    const click = ({ node }: { node: string }) => focusNode(node);
    sigma.on("doubleClickNode", click);
    const select = ({ node }: { node: string }) => actions.select(node);
    sigma.on("clickNode", select);
    return () => {
      sigma.off("doubleClickNode", click);
      sigma.off("clickNode", select);
    };
  }, [sigma]);
  return null;
}

/** Shows where Neo4j stopped reading: the line of the query with a caret under the column. */
function ErrorPosition({ query, position }: { query: string; position: { line: number; column: number } }) {
  const line = query.split("\n")[position.line - 1] ?? "";
  return (
    <pre className="error-position" data-testid="error-position">
      {`line ${position.line}, column ${position.column}\n${line}\n${" ".repeat(Math.max(0, position.column - 1))}^`}
    </pre>
  );
}

export function ConsoleView() {
  const query = useApp((s) => s.query);
  const runOnOpen = useApp((s) => s.runQueryOnOpen);
  const [run, setRun] = useState<RunState>({ state: "idle" });
  const [tab, setTab] = useState<"graph" | "table">("graph");
  const [history, setHistory] = useState<HistoryEntry[]>(() => readHistory());
  const [showHistory, setShowHistory] = useState(false);
  const editor = useRef<EditorApi | null>(null);
  const schemaResult = useApi("schema", (signal) => api.schema({}, signal));
  const schema = schemaResult.state === "ok" ? schemaResult.data : FALLBACK_SCHEMA;
  const ranQuery = useRef("");

  const execute = useCallback(async () => {
    const text = appStore.get().query.trim();
    if (!text) return;
    ranQuery.current = text;
    setRun({ state: "running" });
    try {
      const result = await api.cypher({ body: { query: text } });
      loadSmallGraph(consoleGraph, result.graph, { iterations: result.graph.nodes.length > 3000 ? 30 : 120 });
      setRun({ state: "ok", result });
      setTab(result.graph.nodes.length > 0 ? "graph" : "table");
      setHistory(pushHistory({ query: text, at: Date.now(), rows: result.rowCount }));
    } catch (error) {
      const body = error instanceof ApiRequestError ? error.body : null;
      setRun({
        state: "error",
        message: (error as Error).message,
        ...(body?.code ? { code: body.code } : {}),
        ...(body?.position ? { position: body.position } : {}),
      });
      setHistory(pushHistory({ query: text, at: Date.now(), rows: null }));
    }
  }, []);
  const executeRef = useRef(execute);
  executeRef.current = execute;

  // Ctrl/Cmd+Enter runs; highest precedence so it wins over "insert blank line".
  const extensions = useMemo(
    () => [
      Prec.highest(
        keymap.of([
          {
            key: "Mod-Enter",
            run: () => {
              void executeRef.current();
              return true;
            },
          },
        ]),
      ),
    ],
    [],
  );

  // A deep link with a query runs it once the console is open.
  useEffect(() => {
    if (!runOnOpen) return;
    actions.queryRan();
    void execute();
  }, [runOnOpen, execute]);

  const setQuery = (text: string) => {
    actions.setQuery(text);
    editor.current?.setValue(text);
    editor.current?.focus();
  };

  const result = run.state === "ok" ? run.result : null;
  return (
    <div className="console-view" data-testid="console-view">
      <div className="console-editor-row">
        <div className="console-editor" data-testid="cypher-editor">
          <CypherEditor
            value={query}
            schema={schema}
            autofocus
            lineWrapping
            tooltipAbsolute={false}
            placeholder="MATCH (m:Model)-[:BASED_ON]->(b:Model) RETURN m, b LIMIT 50"
            onEditorCreated={(api) => {
              editor.current = api;
            }}
            onValueChanged={(value: string) => actions.setQuery(value)}
            postExtensions={extensions}
          />
        </div>
        <div className="console-actions">
          <button
            type="button"
            className="primary"
            data-testid="run-query"
            disabled={run.state === "running" || !query.trim()}
            onClick={() => void execute()}
            title="Run (Ctrl/Cmd+Enter)"
          >
            {run.state === "running" ? "Running…" : "▶ Run"}
          </button>
          <select
            aria-label="Example queries"
            data-testid="examples"
            value=""
            onChange={(e) => {
              const example = EXAMPLE_QUERIES.find((q) => q.name === e.target.value);
              if (example) setQuery(example.query);
            }}
          >
            <option value="">Examples…</option>
            {EXAMPLE_QUERIES.map((q) => (
              <option key={q.name} value={q.name}>
                {q.name}
              </option>
            ))}
          </select>
          <button type="button" data-testid="history-toggle" onClick={() => setShowHistory(!showHistory)}>
            History ({history.length})
          </button>
        </div>
      </div>
      {showHistory && (
        <div className="history" data-testid="history">
          {history.length === 0 ? (
            <p className="muted pad">Queries you run are kept here (in this browser).</p>
          ) : (
            <>
              <ul>
                {history.map((h) => (
                  <li key={`${h.at}-${h.query}`}>
                    <button
                      type="button"
                      className="history-item"
                      onClick={() => {
                        setQuery(h.query);
                        setShowHistory(false);
                      }}
                    >
                      <code>{h.query.replace(/\s+/g, " ").slice(0, 140)}</code>
                      <span className="muted small">
                        {h.rows === null ? "failed" : `${h.rows} rows`} · {new Date(h.at).toLocaleString()}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="link"
                onClick={() => {
                  clearHistory();
                  setHistory([]);
                }}
              >
                Clear history
              </button>
            </>
          )}
        </div>
      )}
      <div className="console-results">
        {run.state === "idle" && (
          <div className="status-screen">
            <p>
              Write a read-only Cypher query and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+
              <kbd>Enter</kbd> on a Mac), or pick one of the examples. Labels, relationship types and
              properties complete as you type.
            </p>
          </div>
        )}
        {run.state === "running" && (
          <div className="status-screen" role="status">
            <div className="spinner" aria-hidden />
          </div>
        )}
        {run.state === "error" && (
          <div className="console-error" role="alert" data-testid="console-error">
            <strong>{run.code ?? "The query was not run"}</strong>
            <p>{run.message}</p>
            {run.position && <ErrorPosition query={ranQuery.current} position={run.position} />}
          </div>
        )}
        {result && (
          <>
            <div className="result-bar">
              <div className="tabs" role="tablist">
                <button
                  type="button"
                  role="tab"
                  data-testid="result-tab-graph"
                  aria-selected={tab === "graph"}
                  onClick={() => setTab("graph")}
                >
                  Graph ({result.graph.nodes.length} nodes, {result.graph.edges.length} relationships)
                </button>
                <button
                  type="button"
                  role="tab"
                  data-testid="result-tab-table"
                  aria-selected={tab === "table"}
                  onClick={() => setTab("table")}
                >
                  Table ({result.rowCount} rows)
                </button>
              </div>
              <span className="muted small" data-testid="result-summary">
                {result.rowCount} rows in {result.elapsedMs.toFixed(0)} ms
                {result.truncated ? " · truncated" : ""}
              </span>
            </div>
            <div className="result-body">
              {tab === "table" ? (
                <ResultTable result={result} />
              ) : result.graph.nodes.length === 0 ? (
                <p className="muted pad">
                  This result has no nodes or relationships to draw; return nodes, relationships or paths to
                  see a graph, or look at the table.
                </p>
              ) : (
                <SigmaHost
                  graph={consoleGraph}
                  testId="result-graph"
                  onSigma={(sigma) => {
                    views.console = sigma;
                  }}
                  settings={{
                    renderEdgeLabels: consoleGraph.size <= 300,
                    labelRenderedSizeThreshold: consoleGraph.order <= 200 ? 0 : 6,
                  }}
                >
                  <ResultGraphEvents />
                </SigmaHost>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

import { REL_TYPES, type RelType, type SearchHit, type WireEdge } from "@kg/graph-schema";
import { useState } from "react";
import { api } from "../api/client.ts";
import { mainGraph } from "../graph/main-graph.ts";
import { mergeWireGraph } from "../graph/model.ts";
import { REL_WORDS } from "../graph/style.ts";
import { flyToNode } from "../sigma/main-view.ts";
import { actions } from "../state/store.ts";
import { NodeLink } from "./NodeLink.tsx";

/** Neighbours to add per expansion: enough to see a neighbourhood, few enough to read it. */
const EXPAND_LIMIT = 50;

/**
 * Expand a node's neighbours (all, or through one relationship type) into the overview,
 * and find the shortest path from it to another node; what is added is highlighted.
 */
export function ExploreTools({ id }: { id: string }) {
  const [type, setType] = useState<RelType | "">("");
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [steps, setSteps] = useState<WireEdge[] | null>(null);
  const [names, setNames] = useState<Record<string, { label: SearchHit["label"]; name: string }>>({});

  const expand = async () => {
    setBusy(true);
    try {
      const graph = await api.expand({
        params: { id },
        query: { limit: EXPAND_LIMIT, ...(type ? { type } : {}) },
      });
      const added = mergeWireGraph(mainGraph, graph, id);
      actions.markFresh(added);
      setNote(
        `${added.length} node${added.length === 1 ? "" : "s"} added${graph.truncated ? ` (the ${EXPAND_LIMIT} best connected)` : ""}`,
      );
      actions.setView("graph");
      window.setTimeout(() => flyToNode(id, 0.4), 0);
    } catch (error) {
      setNote((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const findTargets = async (text: string) => {
    setTarget(text);
    if (text.trim().length < 2) return setHits([]);
    try {
      const result = await api.search({ query: { q: text, limit: 6 } });
      setHits(result.hits.filter((h) => h.id !== id));
    } catch {
      setHits([]);
    }
  };

  const findPath = async (to: SearchHit) => {
    setHits([]);
    setTarget(to.name);
    setBusy(true);
    try {
      const result = await api.path({ query: { from: id, to: to.id } });
      if (!result.found) {
        setSteps([]);
        setNote(`No connection to ${to.name} within 8 steps.`);
        return;
      }
      const added = mergeWireGraph(mainGraph, result.graph);
      actions.markFresh(result.graph.nodes.map((n) => n.id));
      setNames(Object.fromEntries(result.graph.nodes.map((n) => [n.id, { label: n.label, name: n.name }])));
      setSteps(result.steps);
      setNote(
        `${result.steps.length} step${result.steps.length === 1 ? "" : "s"}; ${added.length} node(s) added to the map`,
      );
    } catch (error) {
      setNote((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="explore-tools" data-testid="explore-tools">
      <div className="row wrap">
        <select
          value={type}
          aria-label="Relationship type to expand"
          data-testid="expand-type"
          onChange={(e) => setType(e.target.value as RelType | "")}
        >
          <option value="">all relationships</option>
          {REL_TYPES.filter((t) => t !== "FROM_SOURCE").map((t) => (
            <option key={t} value={t}>
              {REL_WORDS[t]}
            </option>
          ))}
        </select>
        <button type="button" data-testid="expand" disabled={busy} onClick={() => void expand()}>
          Expand
        </button>
      </div>
      <div className="path-finder">
        <input
          type="search"
          placeholder="Shortest path to…"
          value={target}
          data-testid="path-target"
          aria-label="Shortest path to"
          onChange={(e) => void findTargets(e.target.value)}
        />
        {hits.length > 0 && (
          <ul className="path-hits" data-testid="path-hits">
            {hits.map((h) => (
              <li key={h.id}>
                <button type="button" data-id={h.id} onClick={() => void findPath(h)}>
                  {h.name} <span className="muted small">{h.label}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {note && (
        <p className="muted small" data-testid="explore-note">
          {note}
        </p>
      )}
      {steps && steps.length > 0 && (
        <ol className="path-steps" data-testid="path-steps">
          {steps.map((s) => {
            const from = names[s.source];
            const to = names[s.target];
            return (
              <li key={s.id}>
                {from && <NodeLink id={s.source} label={from.label} name={from.name} />}{" "}
                <span className="badge subtle">{REL_WORDS[s.type]}</span>{" "}
                {to && <NodeLink id={s.target} label={to.label} name={to.name} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

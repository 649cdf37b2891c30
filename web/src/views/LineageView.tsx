import type { LineageChildrenResponse, LineageResponse } from "@kg/graph-schema";
import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { methodWord } from "../components/cards.tsx";
import { EdgeEvidenceList } from "../components/EdgeEvidence.tsx";
import { FamilyGrowthView } from "../components/FamilyGrowth.tsx";
import { NameFamily } from "../components/NameFamily.tsx";
import { type TabOption, Tabs } from "../components/Tabs.tsx";
import {
  BOX_H,
  BOX_W,
  type LineageLayout,
  layoutLineage,
  mergeChildren,
  pendingFolds,
  pruneLineage,
} from "../graph/lineage-layout.ts";
import { LABEL_COLORS } from "../graph/style.ts";
import { isNodeId } from "../state/navigation.ts";
import { actions, type LineageMode, useApp } from "../state/store.ts";

const DEPTH = 10;
const LINEAGE_MODES: readonly TabOption<LineageMode>[] = [
  { value: "tree", label: "Tree", testId: "lineage-mode-tree" },
  { value: "time", label: "Over time", testId: "lineage-mode-time" },
];
/** Descendants asked for by the growth view: a popular base model's whole family, within reason. */
const GROWTH_LIMIT = 2000;
/** Children per parent and method the growth view asks for (the tree takes the server's few). */
const GROWTH_GROUP = 200;
/** Children fetched per folded group when "+N more" is clicked. */
const CHILDREN_PAGE = 50;

/** The smallest zoom: below it the names cannot be read. */
const MIN_SCALE = 0.3;

function Tree({
  lineage,
  layout,
  selected,
  onReroot,
  folded,
  onUnfold,
}: {
  lineage: LineageResponse;
  layout: LineageLayout;
  selected: string | null;
  onReroot: (id: string) => void;
  folded: ReadonlyMap<string, number>;
  onUnfold: (id: string) => void;
}) {
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  const scroller = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  // The edge whose evidence is shown: on hover, or pinned by a click until clicked again.
  const [edge, setEdge] = useState<{ id: string; pinned: boolean } | null>(null);

  // Centre the root on first draw.
  useEffect(() => {
    const root = layout.boxes.find((b) => b.id === lineage.root);
    const el = scroller.current;
    if (!root || !el) return;
    el.scrollLeft = root.x + BOX_W / 2 - el.clientWidth / 2;
    el.scrollTop = Math.max(0, root.y - el.clientHeight / 3);
  }, [layout, lineage.root]);

  return (
    <div className="lineage-scroller" ref={scroller}>
      <div className="lineage-zoom" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => setScale((s) => Math.min(2, s * 1.25))}>
          +
        </button>
        <button type="button" onClick={() => setScale((s) => Math.max(MIN_SCALE, s / 1.25))}>
          −
        </button>
        <button type="button" onClick={() => setScale(1)}>
          1:1
        </button>
        <button
          type="button"
          title="Zoom so the whole tree fits the panel"
          data-testid="lineage-fit"
          onClick={() => {
            // A model with several derivations is wider than the panel at 1:1, which opens
            // centred on the model: the outer branches start out of sight.
            const el = scroller.current;
            if (!el) return;
            const fit = Math.min(el.clientWidth / layout.width, el.clientHeight / layout.height);
            setScale(Math.min(1, Math.max(MIN_SCALE, fit)));
            el.scrollLeft = 0;
            el.scrollTop = 0;
          }}
        >
          Fit
        </button>
      </div>
      <div
        className="lineage-canvas"
        style={{ width: layout.width * scale, height: layout.height * scale }}
        data-testid="lineage-tree"
      >
        <div
          style={{
            transform: `scale(${scale})`,
            transformOrigin: "0 0",
            width: layout.width,
            height: layout.height,
          }}
        >
          <svg width={layout.width} height={layout.height} className="lineage-edges" aria-hidden="true">
            <defs>
              <marker
                id="lineage-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" fill="#8a96a8" />
              </marker>
            </defs>
            {layout.links.map((link) => {
              const a = byId.get(link.from);
              const b = byId.get(link.to);
              if (!a || !b) return null;
              const x1 = a.x + BOX_W / 2;
              const y1 = a.y + BOX_H;
              const x2 = b.x + BOX_W / 2;
              const y2 = b.y - 2;
              const my = (y1 + y2) / 2;
              return (
                <path
                  key={link.id}
                  d={`M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`}
                  className="lineage-edge"
                  markerEnd="url(#lineage-arrow)"
                />
              );
            })}
          </svg>
          {layout.links.map((link) => {
            const a = byId.get(link.from);
            const b = byId.get(link.to);
            if (!a || !b) return null;
            const shown = edge?.id === link.id;
            return (
              <div
                key={`label-${link.id}`}
                className={`lineage-method-slot ${shown ? "open" : ""}`}
                style={{ left: (a.x + b.x) / 2 + BOX_W / 2, top: (a.y + BOX_H + b.y) / 2 }}
              >
                <button
                  onMouseEnter={() => setEdge((e) => (e?.pinned ? e : { id: link.id, pinned: false }))}
                  onMouseLeave={() => setEdge((e) => (e?.pinned ? e : null))}
                  type="button"
                  className="lineage-method"
                  data-testid="lineage-method"
                  data-edge={link.id}
                  aria-expanded={shown}
                  title="The sentence this derivation was read from"
                  onClick={() =>
                    setEdge((e) => (e?.id === link.id && e.pinned ? null : { id: link.id, pinned: true }))
                  }
                >
                  {methodWord(link.method) || "based on"}
                </button>
                {shown && (
                  <EdgeEvidenceList
                    evidence={lineage.evidence[link.id] ?? []}
                    what={`${b.name} from ${a.name} (${methodWord(link.method) || "based on"}), as stated in:`}
                  />
                )}
              </div>
            );
          })}
          {layout.boxes.map((box) => {
            const datasets = lineage.datasets[box.id] ?? [];
            return (
              <div key={box.id} className="lineage-node-slot" style={{ left: box.x, top: box.y }}>
                <button
                  type="button"
                  className={`lineage-node ${box.id === lineage.root ? "root" : ""} ${box.id === selected ? "selected" : ""}`}
                  style={{ width: BOX_W, height: BOX_H, borderColor: LABEL_COLORS.Model }}
                  data-testid="lineage-node"
                  data-id={box.id}
                  title={`${box.name} — click to open, double-click to root the tree here`}
                  onClick={() => actions.select(box.id)}
                  onDoubleClick={() => onReroot(box.id)}
                >
                  <span className="lineage-name">{box.name}</span>
                  <span className="lineage-level">
                    {box.level === 0
                      ? "this model"
                      : box.level < 0
                        ? `ancestor ${-box.level}`
                        : `descendant ${box.level}`}
                  </span>
                </button>
                {(folded.get(box.id) ?? 0) > 0 && (
                  <button
                    type="button"
                    className="lineage-more"
                    data-testid="lineage-more"
                    onClick={() => onUnfold(box.id)}
                    title="Show every model made from this one"
                  >
                    +{folded.get(box.id)} more derived models
                  </button>
                )}
                {datasets.length > 0 && (
                  <ul className="lineage-datasets" data-testid="lineage-datasets">
                    {datasets.slice(0, 4).map((d) => (
                      <li key={`${d.type}-${d.id}`}>
                        <button
                          type="button"
                          className="dataset-chip"
                          onClick={() => actions.select(d.id)}
                          title={d.type === "TRAINED_ON" ? "trained on" : "evaluated on"}
                        >
                          <span className="swatch" style={{ background: LABEL_COLORS.Dataset }} />
                          {d.type === "TRAINED_ON" ? "⊕ " : "◎ "}
                          {d.name}
                        </button>
                      </li>
                    ))}
                    {datasets.length > 4 && <li className="muted small">+{datasets.length - 4} more</li>}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A model's ancestors and descendants as a layered tree, edges labelled with the method,
 * the data sets it was trained (⊕) or evaluated (◎) on beside each model. The root
 * follows the selected model; selecting another node of the tree opens its card.
 */
export function LineageView() {
  const selected = useApp((s) => s.selected);
  const chosenRoot = useApp((s) => s.lineageRoot);
  // Without a root of its own, the tree follows a selected model (a click in the graph).
  const root = chosenRoot ?? (selected?.startsWith("Model:") ? selected : null);
  const setRoot = (id: string) => actions.setLineageRoot(id);

  const mode = useApp((s) => s.lineageMode);
  const growth = mode === "time";
  const lineage = useApi(root ? `lineage:${root}:${growth}` : null, (signal) =>
    api.lineage(
      {
        params: { id: root ?? "" },
        query: { depth: DEPTH, ...(growth ? { limit: GROWTH_LIMIT, group: GROWTH_GROUP } : {}) },
      },
      signal,
    ),
  );
  // A name (`?view=lineage&node=Llama-3.1-8B-Instruct`) comes back resolved to its id.
  useEffect(() => {
    // Only for a name: an answer still in hand for the previous root must not undo a new one.
    if (lineage.state === "ok" && root && !isNodeId(root) && lineage.data.root !== root) {
      actions.lineageResolved(root, lineage.data.root);
    }
  }, [lineage, root]);

  const [hiddenMethods, setHiddenMethods] = useState<ReadonlySet<string>>(new Set());
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  // Pages of folded groups fetched on "+N more", for the answer in hand only.
  const [pages, setPages] = useState<{ of: LineageResponse; page: LineageChildrenResponse }[]>([]);
  const answer = lineage.state === "ok" ? lineage.data : null;
  const full = useMemo(
    () =>
      answer
        ? pages.filter((p) => p.of === answer).reduce((acc, p) => mergeChildren(acc, p.page), answer)
        : null,
    [answer, pages],
  );
  const unfold = (id: string) => {
    setUnfolded((u) => new Set(u).add(id));
    if (!full || !answer) return;
    for (const fold of pendingFolds(full, id, hiddenMethods)) {
      api
        .lineageChildren({
          params: { id },
          query: { method: fold.method, offset: fold.shown, limit: CHILDREN_PAGE },
        })
        .then(
          (page) => setPages((list) => [...list.filter((p) => p.of === answer), { of: answer, page }]),
          () => undefined,
        );
    }
  };
  const pruned = useMemo(
    () => (full ? pruneLineage(full, { hiddenMethods, unfolded }) : null),
    [full, hiddenMethods, unfolded],
  );
  const layout = useMemo(() => (pruned ? layoutLineage(pruned.lineage) : null), [pruned]);

  if (!root) {
    return (
      <div className="status-screen" data-testid="lineage-empty">
        <h2>Lineage</h2>
        <p>
          Select a model (search with <kbd>/</kbd>, or click one in the graph) to see the models it was built
          on and the models built on it.
        </p>
      </div>
    );
  }
  if (lineage.state === "loading") {
    return (
      <div className="status-screen" role="status">
        <div className="spinner" aria-hidden />
        <p>Tracing the lineage…</p>
      </div>
    );
  }
  if (lineage.state === "error") {
    return (
      <div className="status-screen error" role="alert">
        <h2>The lineage could not be loaded</h2>
        <p>{lineage.error.message}</p>
      </div>
    );
  }
  const data = lineage.data;
  const rootName = data.graph.nodes.find((n) => n.id === data.root)?.name ?? data.root;
  return (
    <div className="lineage-view" data-testid="lineage-view" data-root={data.root}>
      <div className="lineage-header">
        <h2>
          Lineage of <span data-testid="lineage-root-name">{rootName}</span>
        </h2>
        <Tabs
          look="toggle"
          label="Lineage as"
          value={mode}
          onChange={actions.setLineageMode}
          options={LINEAGE_MODES}
        />
        <span className="muted">
          {data.graph.nodes.length} models · {data.graph.edges.length} derivations stated in papers
          {data.family.nodes.length > 0 ? ` · ${data.family.nodes.length} in the family by name` : ""} · ⊕
          trained on · ◎ evaluated on · click a method for its sentence
        </span>
        {selected && selected !== root && selected.startsWith("Model:") && (
          <button type="button" onClick={() => setRoot(selected)}>
            Root the tree at the selection
          </button>
        )}
      </div>
      {mode === "time" ? (
        <FamilyGrowthView lineage={data} />
      ) : (
        <div className="lineage-body">
          <div className="lineage-main">
            {data.graph.nodes.length <= 1 ? (
              <p className="lineage-alone">No base model or derived model was stated for {rootName}.</p>
            ) : null}
            {pruned && pruned.groups.length > 0 && (
              <div
                className="lineage-groups"
                data-testid="method-groups"
                role="toolbar"
                aria-label="Derived models by method"
              >
                <span className="muted small">Derived models by method:</span>
                {pruned.groups.map((g) => {
                  const off = hiddenMethods.has(g.method);
                  return (
                    <button
                      key={g.method}
                      type="button"
                      className={`legend-item ${off ? "off" : ""}`}
                      aria-pressed={!off}
                      data-testid="method-group"
                      data-method={g.method}
                      title={off ? "Show this group" : "Hide this group"}
                      onClick={() =>
                        setHiddenMethods((h) => {
                          const next = new Set(h);
                          if (off) next.delete(g.method);
                          else next.add(g.method);
                          return next;
                        })
                      }
                    >
                      {methodWord(g.method === "other" ? null : g.method) || "other"}{" "}
                      <span className="legend-count">{g.count}</span>
                    </button>
                  );
                })}
              </div>
            )}
            {layout && pruned && (
              <Tree
                lineage={pruned.lineage}
                layout={layout}
                selected={selected}
                onReroot={setRoot}
                folded={pruned.folded}
                onUnfold={unfold}
              />
            )}
          </div>
          <NameFamily lineage={data} selected={selected} />
        </div>
      )}
    </div>
  );
}

import type { NodeLabel, WireNode } from "@kg/graph-schema";
import { useMemo } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { mainData, mainGraph } from "../graph/main-graph.ts";
import { REL_WORDS } from "../graph/style.ts";
import { flyToNode } from "../sigma/main-view.ts";
import { actions, type SidePanel, useApp } from "../state/store.ts";
import { NodeCard } from "./cards.tsx";
import { ExploreTools } from "./ExploreTools.tsx";
import { LabelChip, NodeLink } from "./NodeLink.tsx";
import { RelatedPanel } from "./RelatedPanel.tsx";
import { type TabOption, Tabs } from "./Tabs.tsx";

const PANELS: readonly TabOption<SidePanel>[] = [
  { value: "card", label: "Card" },
  { value: "related", label: "Related work (r)", testId: "tab-related" },
];

function labelOf(id: string): NodeLabel | null {
  const label = id.slice(0, id.indexOf(":"));
  return (
    (["Paper", "Model", "Dataset", "Organization", "Author", "Method", "Source"] as const).find(
      (l) => l === label,
    ) ?? null
  );
}

/** The neighbours already on the page, shown at once and when the card endpoint is missing. */
function LocalNeighbours({ id }: { id: string }) {
  const rows = useMemo(() => {
    if (!mainGraph.hasNode(id)) return [];
    const out: { key: string; other: WireNode; words: string }[] = [];
    mainGraph.forEachEdge(id, (key, attrs, source, target) => {
      const otherId = source === id ? target : source;
      const other = mainData.nodes.get(otherId);
      if (!other) return;
      const words = source === id ? REL_WORDS[attrs.relType] : `← ${REL_WORDS[attrs.relType]}`;
      out.push({ key, other, words });
    });
    return out.slice(0, 200);
  }, [id]);
  if (rows.length === 0) return <p className="muted">No relationships on the page for this node.</p>;
  return (
    <ul className="relations">
      {rows.map((r) => (
        <li className="relation" key={r.key}>
          <div className="relation-head">
            <span className="badge subtle">{r.words}</span>
            <NodeLink id={r.other.id} label={r.other.label} name={r.other.name} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function NodePanel({ id }: { id: string }) {
  const panel = useApp((s) => s.panel);
  const local = mainData.nodes.get(id);
  const card = useApi(panel === "card" ? `card:${id}` : null, (signal) =>
    api.card({ params: { id } }, signal),
  );
  const label = local?.label ?? (card.state === "ok" ? card.data.node.label : labelOf(id));
  const name = local?.name ?? (card.state === "ok" ? card.data.node.name : id.slice(id.indexOf(":") + 1));
  const aliases = card.state === "ok" ? card.data.node.properties.aliases : local?.properties.aliases;
  const otherNames = Array.isArray(aliases) ? aliases.filter((a) => typeof a === "string" && a !== name) : [];
  const degree = mainGraph.hasNode(id) ? mainGraph.degree(id) : null;

  return (
    <aside
      className="node-panel"
      data-testid="node-panel"
      data-node={id}
      aria-label={`${label ?? ""} ${name}`}
    >
      <header className="node-panel-head">
        <div className="row spread">
          {label && <LabelChip label={label} />}
          <button type="button" className="icon" title="Close (Esc)" onClick={() => actions.select(null)}>
            ×
          </button>
        </div>
        <h2 data-testid="node-panel-title">{name}</h2>
        {otherNames.length > 0 && <p className="muted small">also: {otherNames.slice(0, 6).join(", ")}</p>}
        {degree !== null && <p className="muted small">{degree} relationships</p>}
        <div className="row wrap">
          {label === "Model" && (
            <button
              type="button"
              className="primary"
              data-testid="open-lineage"
              onClick={() => actions.openLineage(id)}
            >
              Lineage (l)
            </button>
          )}
          {label === "Model" && (
            <button type="button" data-testid="open-growth" onClick={() => actions.openGrowth(id)}>
              Family over time
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              actions.setView("graph");
              window.setTimeout(() => flyToNode(id), 0);
            }}
          >
            Show in graph
          </button>
        </div>
        <ExploreTools id={id} />
        <Tabs label="About this node" value={panel} onChange={actions.setPanel} options={PANELS} />
      </header>
      <div className="node-panel-body">
        {panel === "related" ? (
          <RelatedPanel id={id} />
        ) : card.state === "ok" ? (
          <NodeCard card={card.data} />
        ) : card.state === "loading" ? (
          <>
            <p className="muted small" role="status">
              Loading the card…
            </p>
            <LocalNeighbours id={id} />
          </>
        ) : (
          <>
            <p className={card.error.status === 404 ? "muted small" : "error-text"}>
              {card.error.status === 404 && /endpoint/.test(card.error.message)
                ? "Cards are not served yet; these are the relationships on the page."
                : card.error.message}
            </p>
            <LocalNeighbours id={id} />
          </>
        )}
      </div>
    </aside>
  );
}

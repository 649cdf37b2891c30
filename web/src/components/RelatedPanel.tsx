import type { RelatedReason } from "@kg/graph-schema";
import { useEffect, useMemo } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { createKgGraph } from "../graph/model.ts";
import { loadSmallGraph } from "../graph/small-graph.ts";
import { useSigma } from "../sigma/context.ts";
import { SigmaHost } from "../sigma/SigmaHost.tsx";
import { focusNode } from "../state/navigation.ts";
import { LabelChip, NodeLink } from "./NodeLink.tsx";

/** The kind of each reason in a word, as the list shows it. */
const KIND_WORDS: Record<RelatedReason["kind"], string> = {
  model: "model",
  dataset: "data",
  method: "method",
  lineage: "lineage",
  author: "authors",
  lab: "lab",
  developer: "developer",
  paper: "paper",
  text: "text",
};

/** One reason: what it rests on (linked), and for a similar abstract, the score and shared words. */
function Reason({ reason }: { reason: RelatedReason }) {
  // "both use data set ScanNet" + a link to ScanNet: the name once, as the link.
  const only = reason.nodes.length === 1 ? reason.nodes[0] : undefined;
  const words =
    only && reason.text.endsWith(only.name) ? reason.text.slice(0, -only.name.length) : reason.text;
  return (
    <li data-testid="related-reason" data-kind={reason.kind} title={`adds ${reason.weight.toFixed(2)}`}>
      <span className={`reason-kind reason-${reason.kind}`}>{KIND_WORDS[reason.kind]}</span>
      {reason.kind === "text" ? (
        <span>
          similar abstract{" "}
          <span className="similarity" data-testid="similarity">
            <span
              className="similarity-bar"
              style={{ width: `${Math.round((reason.similarity ?? 0) * 100)}%` }}
            />
            {(reason.similarity ?? 0).toFixed(2)}
          </span>
          {reason.words && reason.words.length > 0 && (
            <span className="muted small"> — {reason.words.join(", ")}</span>
          )}
        </span>
      ) : (
        <span>
          {words}
          {reason.nodes.length > 0 && (
            <span className="reason-nodes">
              {reason.nodes.slice(0, 4).map((n) => (
                <NodeLink key={n.id} id={n.id} label={n.label} name={n.name} />
              ))}
            </span>
          )}
        </span>
      )}
    </li>
  );
}

/** Clicks in the small graph open the node, like the list. */
function SmallGraphEvents() {
  const sigma = useSigma();
  useEffect(() => {
    const click = ({ node }: { node: string }) => focusNode(node);
    const enter = () => {
      sigma.getContainer().style.cursor = "pointer";
    };
    const leave = () => {
      sigma.getContainer().style.cursor = "";
    };
    sigma.on("clickNode", click);
    sigma.on("enterNode", enter);
    sigma.on("leaveNode", leave);
    return () => {
      sigma.off("clickNode", click);
      sigma.off("enterNode", enter);
      sigma.off("leaveNode", leave);
    };
  }, [sigma]);
  return null;
}

/** Ranked related work with its reasons, and the same drawn as a small graph around the selection. */
export function RelatedPanel({ id }: { id: string }) {
  const related = useApi(`related:${id}`, (signal) =>
    api.related({ params: { id }, query: { limit: 20 } }, signal),
  );
  // One graph for this panel's lifetime, refilled per selection (clear + import).
  const graph = useMemo(() => createKgGraph(), []);
  useEffect(() => {
    if (related.state !== "ok") return;
    loadSmallGraph(graph, related.data.graph, {
      root: related.data.root,
      ranked: related.data.items.map((i) => i.node.id),
    });
  }, [graph, related]);

  if (related.state === "loading") return <p className="muted small">Ranking related work…</p>;
  if (related.state === "error") return <p className="error-text">{related.error.message}</p>;
  const { items } = related.data;
  if (items.length === 0)
    return <p className="muted">Nothing related found: this node shares no neighbours.</p>;
  return (
    <div className="related" data-testid="related">
      <div className="related-graph">
        <SigmaHost
          graph={graph}
          testId="related-graph"
          settings={{
            renderEdgeLabels: false,
            labelRenderedSizeThreshold: 4,
            labelDensity: 1,
            stagePadding: 20,
          }}
        >
          <SmallGraphEvents />
        </SigmaHost>
      </div>
      <ol className="related-list">
        {items.map((item) => (
          <li key={item.node.id} data-id={item.node.id} data-testid="related-item">
            <div className="row">
              <span className="score" title="relatedness score">
                {item.score.toFixed(2)}
              </span>
              <button type="button" className="node-link" onClick={() => focusNode(item.node.id)}>
                <span className="node-link-name">{item.node.name}</span>
              </button>
              <LabelChip label={item.node.label} />
            </div>
            <ul className="reasons">
              {item.why.map((r) => (
                <Reason key={`${r.kind}:${r.text}`} reason={r} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

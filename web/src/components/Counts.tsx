import { useApp } from "../state/store.ts";

const fmt = new Intl.NumberFormat("en");

export function Counts() {
  const counts = useApp((s) => s.counts);
  const truncated = useApp((s) => s.truncated);
  const filtered = counts.visibleNodes !== counts.nodes || counts.visibleEdges !== counts.edges;
  return (
    <div
      className="counts"
      data-testid="counts"
      title={truncated ? "The server capped the graph" : undefined}
    >
      <span>
        <strong data-testid="count-nodes" data-value={counts.nodes}>
          {fmt.format(counts.nodes)}
        </strong>{" "}
        nodes
      </span>
      <span>
        <strong data-testid="count-edges" data-value={counts.edges}>
          {fmt.format(counts.edges)}
        </strong>{" "}
        relationships
      </span>
      {filtered && (
        <span className="muted" data-testid="count-visible">
          showing {fmt.format(counts.visibleNodes)} / {fmt.format(counts.visibleEdges)}
        </span>
      )}
      {truncated && <span className="warn">capped</span>}
    </div>
  );
}

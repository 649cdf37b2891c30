import { useApp } from "../state/store.ts";

const fmt = new Intl.NumberFormat("en");

/**
 * What is drawn against what the database holds, in words: "5,930 of 68,078 nodes ·
 * 4,695 relationships", and after filters "filters show 120 nodes, 80 relationships".
 * Never a fraction of unlike things.
 */
export function Counts() {
  const counts = useApp((s) => s.counts);
  const truncated = useApp((s) => s.truncated);
  const total = useApp((s) => s.overview?.total ?? null);
  const filtered = counts.visibleNodes !== counts.nodes || counts.visibleEdges !== counts.edges;
  return (
    <div
      className="counts"
      data-testid="counts"
      title={
        truncated
          ? "The lineage map: the server chose what to draw (lineage paths first, then the best connected); the legend says what was left out"
          : undefined
      }
    >
      <span>
        <strong data-testid="count-nodes" data-value={counts.nodes}>
          {fmt.format(counts.nodes)}
        </strong>
        {total && total.nodes > counts.nodes ? ` of ${fmt.format(total.nodes)}` : ""} nodes
      </span>
      <span>
        ·{" "}
        <strong data-testid="count-edges" data-value={counts.edges}>
          {fmt.format(counts.edges)}
        </strong>{" "}
        relationships
      </span>
      {filtered && (
        <span className="muted" data-testid="count-visible">
          filters show {fmt.format(counts.visibleNodes)} nodes, {fmt.format(counts.visibleEdges)}{" "}
          relationships
        </span>
      )}
    </div>
  );
}

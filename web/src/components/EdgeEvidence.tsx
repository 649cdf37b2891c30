import type { EdgeEvidence } from "@kg/graph-schema";
import { NodeLink } from "./NodeLink.tsx";

/** The sentences an edge of the lineage was read from, each with its paper (a link). */
export function EdgeEvidenceList({ evidence, what }: { evidence: EdgeEvidence[]; what: string }) {
  return (
    <div className="edge-evidence" data-testid="edge-evidence" role="dialog" aria-label={`Evidence: ${what}`}>
      <p className="muted small">{what}</p>
      {evidence.length === 0 ? (
        <p className="muted small">No sentence was kept for this edge.</p>
      ) : (
        <ul>
          {evidence.map((e) => (
            <li key={`${e.paperId}:${e.sentence}`}>
              <q data-testid="edge-evidence-sentence">{e.sentence}</q>
              <span className="edge-evidence-paper">
                <NodeLink id={`Paper:${e.paperId}`} label="Paper" name={e.paperTitle ?? e.paperId} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

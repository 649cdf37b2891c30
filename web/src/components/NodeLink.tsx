import type { NodeLabel } from "@kg/graph-schema";
import { LABEL_COLORS } from "../graph/style.ts";
import { focusNode } from "../state/navigation.ts";

export function NodeLink({ id, label, name }: { id: string; label: NodeLabel; name: string }) {
  return (
    <button
      type="button"
      className="node-link"
      onClick={() => focusNode(id)}
      data-id={id}
      title={`${label}: ${name}`}
    >
      <span className="swatch" style={{ background: LABEL_COLORS[label] }} />
      <span className="node-link-name">{name}</span>
    </button>
  );
}

export function LabelChip({ label }: { label: NodeLabel }) {
  return (
    <span className="label-chip" style={{ borderColor: LABEL_COLORS[label], color: LABEL_COLORS[label] }}>
      {label}
    </span>
  );
}

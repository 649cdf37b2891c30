import type { LineageResponse } from "@kg/graph-schema";
import { useState } from "react";
import { actions } from "../state/store.ts";
import { EdgeEvidenceList } from "./EdgeEvidence.tsx";

interface Member {
  id: string;
  name: string;
  /** The VARIANT_OF edge to its parent in the family, when it has one. */
  edge: string | null;
  children: Member[];
}

/** The family as a tree from its head, children by name. */
function familyTree(family: LineageResponse["family"]): Member | null {
  const members = new Map<string, Member>(
    family.nodes.map((n) => [n.id, { id: n.id, name: n.name, edge: null, children: [] }]),
  );
  const hasParent = new Set<string>();
  for (const e of family.edges) {
    const child = members.get(e.source);
    const parent = members.get(e.target);
    if (!child || !parent || hasParent.has(child.id)) continue;
    child.edge = e.id;
    parent.children.push(child);
    hasParent.add(child.id);
  }
  for (const m of members.values()) m.children.sort((a, b) => a.name.localeCompare(b.name));
  const head = family.nodes.find((n) => n.properties.head === true) ?? family.nodes[0];
  return head ? (members.get(head.id) ?? null) : null;
}

/**
 * The root's name-grammar family (VARIANT_OF), drawn apart from the tree of what the
 * papers state: sizes and variants read off the names, each link with the sentence
 * that named the variant.
 */
export function NameFamily({ lineage, selected }: { lineage: LineageResponse; selected: string | null }) {
  const [open, setOpen] = useState<string | null>(null);
  const head = familyTree(lineage.family);
  if (!head) return null;
  const render = (m: Member) => (
    <li key={m.id}>
      <span className="family-row">
        <button
          type="button"
          className={`family-member ${m.id === lineage.root ? "root" : ""} ${m.id === selected ? "selected" : ""}`}
          data-testid="family-member"
          data-id={m.id}
          onClick={() => actions.select(m.id)}
          onDoubleClick={() => actions.setLineageRoot(m.id)}
          title={`${m.name} — click to open, double-click to root the lineage here`}
        >
          {m.name}
        </button>
        {m.edge && (
          <button
            type="button"
            className="family-why"
            data-testid="family-edge"
            data-edge={m.edge}
            aria-expanded={open === m.edge}
            title="Why a variant: the sentence that named it"
            onClick={() => setOpen((o) => (o === m.edge ? null : m.edge))}
          >
            ?
          </button>
        )}
      </span>
      {m.edge && open === m.edge && (
        <EdgeEvidenceList
          evidence={lineage.evidence[m.edge] ?? []}
          what={`${m.name} is a size or variant of its family by its name (name grammar)`}
        />
      )}
      {m.children.length > 0 && <ul>{m.children.map(render)}</ul>}
    </li>
  );
  return (
    <aside className="name-family" data-testid="name-family" aria-label="Name family">
      <h3>Family by name</h3>
      <p className="muted small">
        Sizes and variants read off the names ({lineage.family.nodes.length} models
        {lineage.family.truncated ? ", more not listed" : ""}), not stated derivations.
      </p>
      <ul className="family-tree">{render(head)}</ul>
    </aside>
  );
}

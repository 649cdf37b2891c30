/**
 * The constraints and indexes the graph needs, as data. queries/ turns them into
 * `CREATE … IF NOT EXISTS` statements, applied at every start.
 */
import { KEY_PROPERTY, NODE_LABELS, type NodeLabel } from "./labels.ts";

export interface UniqueKeyConstraint {
  name: string;
  label: NodeLabel;
  property: "id" | "key";
}

export const UNIQUE_KEY_CONSTRAINTS: readonly UniqueKeyConstraint[] = NODE_LABELS.map((label) => ({
  name: `${label.toLowerCase()}_${KEY_PROPERTY[label]}_unique`,
  label,
  property: KEY_PROPERTY[label],
}));

/** Full-text search over names, aliases, titles and abstracts. */
export const FULLTEXT_INDEX = {
  name: "kg_fulltext",
  labels: [
    "Paper",
    "Model",
    "Dataset",
    "Organization",
    "Author",
    "Method",
  ] as const satisfies readonly NodeLabel[],
  properties: ["name", "aliasText", "title", "abstract"] as const,
};

/** Plain range indexes that queries filter or sort on. */
export const RANGE_INDEXES: readonly { name: string; label: NodeLabel; property: string }[] = [
  { name: "paper_arxiv_id", label: "Paper", property: "arxivId" },
  { name: "model_name", label: "Model", property: "name" },
  { name: "dataset_name", label: "Dataset", property: "name" },
  // The first paper naming a much-named model is found from the oldest papers forward.
  { name: "paper_date", label: "Paper", property: "date" },
];

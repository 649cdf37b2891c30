import type { NodeLabel, RelType } from "@kg/graph-schema";

/** One colour per label, chosen to stay apart for the common kinds of colour blindness. */
export const LABEL_COLORS: Record<NodeLabel, string> = {
  Model: "#2f7fd8",
  Dataset: "#e8912d",
  Paper: "#8e6cc9",
  Organization: "#2ea36b",
  Author: "#d9547a",
  Method: "#1fa6ad",
  Source: "#8a93a3",
};

export const REL_COLORS: Record<RelType, string> = {
  BASED_ON: "#2f7fd8",
  TRAINED_ON: "#e8912d",
  EVALUATED_ON: "#f0c05a",
  PUBLISHED: "#2ea36b",
  AUTHORED: "#d9547a",
  INTRODUCES: "#8e6cc9",
  MENTIONS: "#b9a8dc",
  USES_METHOD: "#1fa6ad",
  DEVELOPED: "#6cc49a",
  VARIANT_OF: "#9cc3ee",
  FROM_SOURCE: "#b5bcc8",
};

export const EDGE_COLOR = "#c9d0da";
export const FADED_NODE_COLOR = "#e3e7ed";
export const FADED_EDGE_COLOR = "#eef1f5";

/** Human words for relationship types, for edge labels and cards. */
export const REL_WORDS: Record<RelType, string> = {
  BASED_ON: "based on",
  TRAINED_ON: "trained on",
  EVALUATED_ON: "evaluated on",
  PUBLISHED: "published",
  AUTHORED: "authored",
  INTRODUCES: "introduces",
  MENTIONS: "mentions",
  USES_METHOD: "uses method",
  DEVELOPED: "developed",
  VARIANT_OF: "variant of",
  FROM_SOURCE: "read from",
};

/** Community colours (Louvain, largest first); communities past the palette share a grey. */
export const COMMUNITY_COLORS = [
  "#2f7fd8",
  "#e8912d",
  "#2ea36b",
  "#d9547a",
  "#8e6cc9",
  "#1fa6ad",
  "#c4a01a",
  "#a0522d",
  "#5d6fd6",
  "#d16ac0",
  "#3f9b3a",
  "#e06650",
];
export const OTHER_COMMUNITY_COLOR = "#aab2be";

export function communityColor(community: number): string {
  return community >= 0 && community < COMMUNITY_COLORS.length
    ? (COMMUNITY_COLORS[community] as string)
    : OTHER_COMMUNITY_COLOR;
}

import type { CardResponse, NodeLabel, RelType } from "@kg/graph-schema";
import { Fragment, type ReactNode, useState } from "react";
import { LABEL_COLORS, REL_WORDS } from "../graph/style.ts";
import { focusNode } from "../state/navigation.ts";
import { LabelChip, NodeLink } from "./NodeLink.tsx";

type Relation = CardResponse["relations"][number];

const METHOD_WORDS: Record<string, string> = {
  "fine-tune": "fine-tune",
  adapter: "adapter (LoRA…)",
  "continued-pretraining": "continued pre-training",
  distillation: "distillation",
  upcycling: "upcycling",
  "post-training": "post-training",
  merge: "merge",
  quantization: "quantization",
  other: "other",
};

export function methodWord(method: string | null | undefined): string {
  return method ? (METHOD_WORDS[method] ?? method) : "";
}

function pick(card: CardResponse, type: RelType, direction: "out" | "in", label?: NodeLabel): Relation[] {
  return card.relations.filter(
    (r) => r.type === type && r.direction === direction && (!label || r.other.label === label),
  );
}

function unique(relations: Relation[]): Relation[] {
  const seen = new Map<string, Relation>();
  for (const r of relations) {
    const prev = seen.get(r.other.id);
    if (!prev) seen.set(r.other.id, r);
    else seen.set(r.other.id, { ...prev, evidence: [...prev.evidence, ...r.evidence] });
  }
  return [...seen.values()];
}

/** One related node with its relationship's evidence sentences, folded by default. */
function RelationRow({ relation, note }: { relation: Relation; note?: string }) {
  const [open, setOpen] = useState(false);
  const n = relation.evidence.length;
  return (
    <li className="relation" data-type={relation.type} data-other={relation.other.id}>
      <div className="relation-head">
        <NodeLink id={relation.other.id} label={relation.other.label} name={relation.other.name} />
        {relation.method && <span className="badge">{methodWord(relation.method)}</span>}
        {note && <span className="badge subtle">{note}</span>}
        {n > 0 && (
          <button
            type="button"
            className="evidence-toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            title="The sentences this relationship was read from"
          >
            {open ? "▾" : "▸"} evidence{n > 1 ? ` (${n})` : ""}
          </button>
        )}
      </div>
      {open && (
        <ul className="evidence" data-testid="evidence">
          {relation.evidence.map((e) => (
            <li key={`${e.paperId}|${e.sourceId}|${e.sentence}`}>
              <blockquote>“{e.sentence}”</blockquote>
              <div className="evidence-meta">
                <span title={e.sourceId}>{e.sourcePath ?? `source ${e.sourceId.slice(0, 10)}…`}</span>
                <span>·</span>
                <button type="button" className="link" onClick={() => focusNode(`Paper:${e.paperId}`)}>
                  paper
                </button>
                <span>·</span>
                <span title={e.extractor}>confidence {e.confidence.toFixed(2)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** How many relationships of these types and directions the node has (the card holds at most 50 of each). */
function totalOf(card: CardResponse, ...slots: [RelType, "out" | "in"][]): number | undefined {
  if (card.totals.length === 0) return undefined;
  let sum = 0;
  for (const [type, direction] of slots) {
    sum += card.totals.find((t) => t.type === type && t.direction === direction)?.count ?? 0;
  }
  return sum;
}

/** One relationship type and direction: what the card holds and how many there are. */
function slot(card: CardResponse, type: RelType, direction: "out" | "in") {
  return { relations: pick(card, type, direction), total: totalOf(card, [type, direction]) };
}

function Section({
  title,
  relations,
  empty,
  note,
  testId,
  total,
  fold,
}: {
  title: string;
  relations: Relation[];
  empty?: string;
  note?: (r: Relation) => string | undefined;
  testId?: string;
  /** The true count when the card was sent only the first of them. */
  total?: number | undefined;
  /** Show this many and fold the rest behind a button. */
  fold?: number;
}) {
  const [unfolded, setUnfolded] = useState(false);
  if (relations.length === 0 && !empty) return null;
  const count = Math.max(total ?? 0, relations.length);
  const shown = fold && !unfolded ? relations.slice(0, fold) : relations;
  const folded = relations.length - shown.length;
  const unsent = count - relations.length;
  return (
    <section className="card-section" data-testid={testId}>
      <h4>
        {title}{" "}
        <span className="muted" data-testid={testId ? `${testId}-count` : undefined}>
          {count ? count.toLocaleString("en") : ""}
        </span>
      </h4>
      {relations.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="relations">
          {shown.map((r) => {
            const text = note?.(r);
            return (
              <RelationRow
                key={`${r.type}-${r.direction}-${r.other.id}`}
                relation={r}
                {...(text ? { note: text } : {})}
              />
            );
          })}
        </ul>
      )}
      {folded > 0 && (
        <button
          type="button"
          className="link small"
          data-testid="card-unfold"
          onClick={() => setUnfolded(true)}
        >
          {`show ${folded} more`}
        </button>
      )}
      {unsent > 0 && (folded === 0 || !fold) && (
        <p className="muted small" data-testid="card-unsent">
          {`and ${unsent.toLocaleString("en")} more not listed here`}
        </p>
      )}
    </section>
  );
}

function BaseChain({ card }: { card: CardResponse }) {
  if (card.baseChain.length === 0) return null;
  return (
    <section className="card-section" data-testid="base-chain">
      <h4>Base-model chain</h4>
      <ol className="chain">
        <li>
          <strong>{card.node.name}</strong>
        </li>
        {card.baseChain.map((step) => (
          <Fragment key={step.node.id}>
            <li className="chain-arrow">↑ {methodWord(step.method) || "based on"}</li>
            <li>
              <NodeLink id={step.node.id} label={step.node.label} name={step.node.name} />
            </li>
          </Fragment>
        ))}
      </ol>
    </section>
  );
}

function ModelCard({ card }: { card: CardResponse }) {
  const trained = pick(card, "TRAINED_ON", "out");
  const evaluated = pick(card, "EVALUATED_ON", "out");
  const papers = unique([...pick(card, "INTRODUCES", "in"), ...pick(card, "MENTIONS", "in")]);
  return (
    <>
      <BaseChain card={card} />
      <Section title="Based on" {...slot(card, "BASED_ON", "out")} testId="card-based-on" />
      <Section
        title="Descendants"
        {...slot(card, "BASED_ON", "in")}
        empty="No model in the graph is built on this one."
        testId="card-descendants"
      />
      <Section
        title="Data sets"
        relations={[...trained, ...evaluated]}
        note={(r) => (r.type === "TRAINED_ON" ? "trained" : "evaluated")}
        empty="No training or evaluation data read for this model."
        testId="card-datasets"
      />
      <Section title="Methods" {...slot(card, "USES_METHOD", "out")} />
      <Section
        title="Papers"
        relations={papers}
        note={(r) => (r.type === "INTRODUCES" ? "introduces" : undefined)}
        testId="card-papers"
      />
      <Section title="Lab" {...slot(card, "DEVELOPED", "in")} testId="card-lab" />
    </>
  );
}

/** The abstract with each extracted entity highlighted in its label's colour; a click opens it. */
export function HighlightedAbstract({
  text,
  mentions,
}: {
  text: string;
  mentions: CardResponse["mentions"];
}) {
  const spans: { start: number; end: number; id: string; label: NodeLabel }[] = [];
  const lower = text.toLowerCase();
  const sorted = [...mentions].sort((a, b) => b.text.length - a.text.length);
  for (const m of sorted) {
    const needle = m.text.toLowerCase();
    if (!needle) continue;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      const before = at === 0 ? "" : (lower[at - 1] ?? "");
      const after = lower[end] ?? "";
      const wordEdge = !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
      if (wordEdge && !spans.some((s) => at < s.end && end > s.start)) {
        spans.push({ start: at, end, id: m.id, label: m.label });
      }
      from = end;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const s of spans) {
    if (s.start > cursor) parts.push(text.slice(cursor, s.start));
    parts.push(
      <a
        key={`${s.start}-${s.id}`}
        href={`?node=${encodeURIComponent(s.id)}`}
        className="mention"
        data-id={s.id}
        style={{ borderBottomColor: LABEL_COLORS[s.label], background: `${LABEL_COLORS[s.label]}1f` }}
        title={`${s.label}: open`}
        onClick={(e) => {
          e.preventDefault();
          focusNode(s.id);
        }}
      >
        {text.slice(s.start, s.end)}
      </a>,
    );
    cursor = s.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return (
    <p className="abstract" data-testid="abstract">
      {parts}
    </p>
  );
}

/** The server's mentions, plus the names and aliases of the entities the paper introduces or mentions. */
function mentionCandidates(card: CardResponse): CardResponse["mentions"] {
  const out = [...card.mentions];
  for (const r of card.relations) {
    if (r.direction !== "out" || (r.type !== "INTRODUCES" && r.type !== "MENTIONS")) continue;
    const aliases = Array.isArray(r.other.properties.aliases) ? r.other.properties.aliases : [];
    for (const text of [r.other.name, ...aliases]) {
      if (typeof text === "string" && text.length > 1)
        out.push({ id: r.other.id, label: r.other.label, text });
    }
  }
  return out;
}

/** Authors listed before the fold: the first authors in byline order. */
const AUTHORS_SHOWN = 10;

function PaperCard({ card }: { card: CardResponse }) {
  const props = card.node.properties;
  const abstract = typeof props.abstract === "string" ? props.abstract : "";
  const arxivId = typeof props.arxivId === "string" ? props.arxivId : null;
  const date = typeof props.date === "string" ? props.date : null;
  const links = [
    ...(Array.isArray(props.codeUrls) ? props.codeUrls : []),
    ...(Array.isArray(props.modelUrls) ? props.modelUrls : []),
  ].filter((u): u is string => typeof u === "string");
  return (
    <>
      <section className="card-section">
        <div className="paper-meta">
          {arxivId && (
            <a
              href={`https://arxiv.org/abs/${arxivId}`}
              target="_blank"
              rel="noreferrer"
              data-testid="arxiv-link"
            >
              arXiv:{arxivId}
            </a>
          )}
          {date && <span className="muted">{date}</span>}
        </div>
        {abstract ? (
          <HighlightedAbstract text={abstract} mentions={mentionCandidates(card)} />
        ) : (
          <p className="muted">No abstract was read for this paper.</p>
        )}
        {links.length > 0 && (
          <ul className="links">
            {links.map((u) => (
              <li key={u}>
                <a href={u} target="_blank" rel="noreferrer">
                  {u.replace(/^https?:\/\//, "")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Section title="Authors" {...slot(card, "AUTHORED", "in")} fold={AUTHORS_SHOWN} testId="card-authors" />
      <Section title="Lab" {...slot(card, "PUBLISHED", "in")} testId="card-lab" />
      <Section title="Introduces" {...slot(card, "INTRODUCES", "out")} testId="card-introduces" />
      <Section title="Mentions" {...slot(card, "MENTIONS", "out")} testId="card-mentions" />
      <Section title="Read from" {...slot(card, "FROM_SOURCE", "out")} />
    </>
  );
}

function DatasetCard({ card }: { card: CardResponse }) {
  const kind = card.node.properties.kind;
  return (
    <>
      {typeof kind === "string" && <p className="muted small">Kind: {kind}</p>}
      <Section
        title="Models trained on it"
        {...slot(card, "TRAINED_ON", "in")}
        empty="No model was read as trained on it."
        testId="card-trained"
      />
      <Section
        title="Models evaluated on it"
        {...slot(card, "EVALUATED_ON", "in")}
        empty="No model was read as evaluated on it."
        testId="card-evaluated"
      />
      <Section title="Introduced by" {...slot(card, "INTRODUCES", "in")} />
      <Section title="Mentioned by" {...slot(card, "MENTIONS", "in")} />
      <Section title="Developed by" {...slot(card, "DEVELOPED", "in")} />
    </>
  );
}

function PeopleCard({ card }: { card: CardResponse }) {
  const type: RelType = card.node.label === "Author" ? "AUTHORED" : "PUBLISHED";
  return (
    <>
      <Section
        title="Papers"
        {...slot(card, type, "out")}
        empty="No paper read for them yet."
        testId="card-papers"
      />
      <Section title="Models and data sets developed" {...slot(card, "DEVELOPED", "out")} />
    </>
  );
}

function MethodCard({ card }: { card: CardResponse }) {
  return (
    <>
      <Section title="Models using it" {...slot(card, "USES_METHOD", "in")} testId="card-users" />
      <Section title="Introduced by" {...slot(card, "INTRODUCES", "in")} />
      <Section title="Mentioned by" {...slot(card, "MENTIONS", "in")} />
    </>
  );
}

function OtherRelations({ card, shown }: { card: CardResponse; shown: Set<string> }) {
  const rest = card.relations.filter((r) => !shown.has(`${r.type}:${r.direction}`));
  if (rest.length === 0) return null;
  return <Section title="Other relationships" relations={rest} note={(r) => REL_WORDS[r.type]} />;
}

const SHOWN: Record<NodeLabel, string[]> = {
  Model: [
    "BASED_ON:out",
    "BASED_ON:in",
    "TRAINED_ON:out",
    "EVALUATED_ON:out",
    "USES_METHOD:out",
    "INTRODUCES:in",
    "MENTIONS:in",
    "DEVELOPED:in",
  ],
  Paper: ["AUTHORED:in", "PUBLISHED:in", "INTRODUCES:out", "MENTIONS:out", "FROM_SOURCE:out"],
  Dataset: ["TRAINED_ON:in", "EVALUATED_ON:in", "INTRODUCES:in", "MENTIONS:in", "DEVELOPED:in"],
  Organization: ["PUBLISHED:out", "DEVELOPED:out"],
  Author: ["AUTHORED:out", "DEVELOPED:out"],
  Method: ["USES_METHOD:in", "INTRODUCES:in", "MENTIONS:in"],
  Source: [],
};

/** The card for a node's label. */
export function NodeCard({ card }: { card: CardResponse }) {
  const label = card.node.label;
  return (
    <div className="card" data-testid={`card-${label.toLowerCase()}`}>
      {label === "Model" && <ModelCard card={card} />}
      {label === "Paper" && <PaperCard card={card} />}
      {label === "Dataset" && <DatasetCard card={card} />}
      {(label === "Organization" || label === "Author") && <PeopleCard card={card} />}
      {label === "Method" && <MethodCard card={card} />}
      <OtherRelations card={card} shown={new Set(SHOWN[label])} />
    </div>
  );
}

export { LabelChip };

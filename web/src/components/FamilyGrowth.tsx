import { type LineageResponse, monthLabel } from "@kg/graph-schema";
import { useMemo, useState } from "react";
import { familyGrowth, type FamilyGrowth as Growth, type GrowthMonth } from "../graph/family-growth.ts";
import { actions } from "../state/store.ts";

const BAR_W = 18;
const CHART_H = 180;
const PAD = { left: 36, right: 16, top: 12, bottom: 40 };
const DERIVED = "#2f7fd8";
const VARIANT = "#9cc3ee";

function Chart({
  growth,
  chosen,
  onChoose,
}: {
  growth: Growth;
  chosen: number | null;
  onChoose: (m: number) => void;
}) {
  const most = Math.max(1, ...growth.months.map((m) => m.derived.length + m.variants.length));
  const width = PAD.left + PAD.right + growth.months.length * (BAR_W + 4);
  const y = (count: number) => PAD.top + CHART_H - (count / most) * CHART_H;
  const total = growth.months.at(-1)?.cumulative ?? 1;
  const line = growth.months
    .map((m, i) => {
      const x = PAD.left + i * (BAR_W + 4) + BAR_W / 2;
      const cy = PAD.top + CHART_H - (m.cumulative / total) * CHART_H;
      return `${i === 0 ? "M" : "L"}${x},${cy}`;
    })
    .join(" ");
  return (
    <svg
      width={width}
      height={PAD.top + CHART_H + PAD.bottom}
      className="growth-chart"
      role="img"
      aria-label="New models per month"
    >
      <text x={4} y={PAD.top + 8} className="growth-axis">
        {most}
      </text>
      <text x={4} y={PAD.top + CHART_H} className="growth-axis">
        0
      </text>
      {growth.months.map((m, i) => {
        const x = PAD.left + i * (BAR_W + 4);
        const d = m.derived.length;
        const v = m.variants.length;
        const label = monthLabel(m.month);
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a button element
          <g
            key={m.month}
            data-testid="growth-month"
            data-month={label}
            data-count={d + v}
            role="button"
            tabIndex={0}
            className={`growth-bar ${chosen === m.month ? "chosen" : ""}`}
            onClick={() => onChoose(m.month)}
            onKeyDown={(e) => {
              if (e.key === "Enter") onChoose(m.month);
            }}
          >
            <title>{`${label}: ${d} derived, ${v} variants; ${m.cumulative} in all`}</title>
            <rect x={x} y={PAD.top} width={BAR_W} height={CHART_H} fill="transparent" />
            <rect x={x} y={y(d)} width={BAR_W} height={CHART_H + PAD.top - y(d)} fill={DERIVED} />
            <rect x={x} y={y(d + v)} width={BAR_W} height={y(d) - y(d + v)} fill={VARIANT} />
            {(i % 3 === 0 || i === growth.months.length - 1) && (
              <text
                x={x + BAR_W / 2}
                y={PAD.top + CHART_H + 14}
                className="growth-axis"
                textAnchor="end"
                transform={`rotate(-40 ${x + BAR_W / 2} ${PAD.top + CHART_H + 14})`}
              >
                {label}
              </text>
            )}
          </g>
        );
      })}
      <path d={line} className="growth-line" />
    </svg>
  );
}

function MonthList({ month }: { month: GrowthMonth }) {
  const members = [...month.derived, ...month.variants];
  return (
    <div className="growth-list" data-testid="growth-list">
      <h4>
        {monthLabel(month.month)}: {members.length} new
      </h4>
      <ul>
        {members.map((m) => (
          <li key={m.id}>
            <span className="swatch" style={{ background: m.kind === "derived" ? DERIVED : VARIANT }} />
            <button type="button" className="node-link" onClick={() => actions.select(m.id)} data-id={m.id}>
              {m.name}
            </button>
            <span className="muted small">
              {" "}
              {m.date}
              {m.named ? " (first named)" : ""} · {m.kind === "derived" ? "derived" : "variant by name"}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * How the family of a model grew: new descendants (stated in the text) and name variants
 * per month of the paper that introduced them, with the running total; a month's bar
 * lists its models.
 */
export function FamilyGrowthView({ lineage }: { lineage: LineageResponse }) {
  const growth = useMemo(() => familyGrowth(lineage), [lineage]);
  const [chosen, setChosen] = useState<number | null>(null);
  const month = growth.months.find((m) => m.month === chosen) ?? null;
  if (growth.total === 0) {
    return (
      <p className="lineage-alone" data-testid="growth-empty">
        No model was derived from this one or named as its variant.
      </p>
    );
  }
  const first = growth.months[0];
  const last = growth.months.at(-1);
  return (
    <div className="family-growth" data-testid="family-growth">
      <p className="muted small">
        {growth.total} models in the family
        {first && last ? `, from ${monthLabel(first.month)} to ${monthLabel(last.month)}` : ""}
        {growth.undated > 0 ? `; ${growth.undated} without a dated paper` : ""}
        {lineage.graph.truncated || lineage.family.truncated ? "; the nearest only (capped)" : ""}.{" "}
        <span className="swatch" style={{ background: DERIVED }} /> derived (stated in a paper){" "}
        <span className="swatch" style={{ background: VARIANT }} /> variant by name · line: running total
      </p>
      {growth.months.length > 0 && (
        <div className="growth-scroller">
          <Chart growth={growth} chosen={chosen} onChoose={setChosen} />
        </div>
      )}
      {month ? <MonthList month={month} /> : <p className="muted small">Click a month to list its models.</p>}
    </div>
  );
}

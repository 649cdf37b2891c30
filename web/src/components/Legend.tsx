import { NODE_LABELS } from "@kg/graph-schema";
import { mainData } from "../graph/main-graph.ts";
import { LABEL_COLORS } from "../graph/style.ts";
import { actions, useApp } from "../state/store.ts";

const fmt = new Intl.NumberFormat("en");
// One empty list: a selector that made a new one on each read would re-render forever.
const NONE: readonly { label: string; count: number }[] = [];

/** Colour by label, with counts; a click on a label hides or shows it (a filter). */
export function Legend() {
  // Re-rendered on each load: the counts come with it.
  useApp((s) => s.graphVersion);
  const hidden = useApp((s) => s.filters.hiddenLabels);
  const byLabel = mainData.summary.byLabel;
  const aggregated = useApp((s) => s.overview?.aggregated ?? NONE);
  return (
    <section className="panel-section" aria-label="Legend">
      <h3>Labels</h3>
      <ul className="legend" data-testid="legend">
        {NODE_LABELS.filter((label) => (byLabel.get(label) ?? 0) > 0).map((label) => {
          const off = hidden.includes(label);
          return (
            <li key={label}>
              <button
                type="button"
                className={`legend-item ${off ? "off" : ""}`}
                onClick={() => actions.toggleLabel(label)}
                aria-pressed={!off}
                title={off ? `Show ${label} nodes` : `Hide ${label} nodes`}
                data-label={label}
              >
                <span className="swatch" style={{ background: LABEL_COLORS[label] }} />
                <span className="legend-name">{label}</span>
                <span className="legend-count">{byLabel.get(label) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {aggregated.length > 0 && (
        <p className="muted small" data-testid="aggregated">
          Not drawn: {aggregated.map((a) => `${fmt.format(a.count)} ${a.label}`).join(", ")} — seen only in
          papers, or beyond the map's budget. Search finds them all.
        </p>
      )}
    </section>
  );
}

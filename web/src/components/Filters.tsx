import { monthLabel, REL_TYPES } from "@kg/graph-schema";
import { filtersActive } from "../graph/filters.ts";
import { mainData } from "../graph/main-graph.ts";
import { REL_COLORS, REL_WORDS } from "../graph/style.ts";
import { actions, useApp } from "../state/store.ts";

/** Filters by relationship type, minimum degree and isolation; applied by reducers, without a reload. */
export function Filters() {
  // Re-rendered on each load: the counts come with it.
  useApp((s) => s.graphVersion);
  const filters = useApp((s) => s.filters);
  const { byType, maxDegree } = mainData.summary;
  const months = useApp((s) => s.overview?.months ?? null);

  return (
    <section className="panel-section" aria-label="Filters" data-testid="filters">
      <h3>
        Relationships
        {filtersActive(filters) && (
          <button
            type="button"
            className="link reset"
            data-testid="reset-filters"
            onClick={() => actions.resetFilters()}
          >
            reset filters
          </button>
        )}
      </h3>
      <ul className="legend">
        {REL_TYPES.filter((t) => (byType.get(t) ?? 0) > 0).map((type) => {
          const off = filters.hiddenTypes.includes(type);
          return (
            <li key={type}>
              <button
                type="button"
                className={`legend-item ${off ? "off" : ""}`}
                aria-pressed={!off}
                data-type={type}
                onClick={() => actions.toggleType(type)}
                title={off ? `Show ${type}` : `Hide ${type}`}
              >
                <span className="swatch line" style={{ background: REL_COLORS[type] }} />
                <span className="legend-name">{REL_WORDS[type]}</span>
                <span className="legend-count">{byType.get(type) ?? 0}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <label className="row nowrap" title="Hide nodes with fewer relationships">
        Min. degree
        <input
          type="range"
          min={0}
          max={Math.max(1, Math.min(50, maxDegree))}
          value={filters.minDegree}
          data-testid="min-degree"
          onChange={(e) => actions.setFilters({ minDegree: Number(e.target.value) })}
        />
        <span className="legend-count" data-testid="min-degree-value">
          {filters.minDegree}
        </span>
      </label>
      <label className="row">
        <input
          type="checkbox"
          checked={filters.hideIsolated}
          data-testid="hide-isolated"
          onChange={(e) => actions.setFilters({ hideIsolated: e.target.checked })}
        />
        Hide isolated nodes
      </label>
      {months && months.max > months.min && (
        <DateRange min={months.min} max={months.max} from={filters.from} to={filters.to} />
      )}
    </section>
  );
}

/** First seen between two months: what the corpus started talking about in that time. */
function DateRange({
  min,
  max,
  from,
  to,
}: {
  min: number;
  max: number;
  from: number | null;
  to: number | null;
}) {
  const lo = from ?? min;
  const hi = to ?? max;
  const set = (a: number, b: number) =>
    actions.setDateRange(a <= min ? null : Math.min(a, b), b >= max ? null : Math.max(a, b));
  return (
    <fieldset className="date-range" data-testid="date-range">
      <legend>
        First seen{" "}
        <span className="legend-count" data-testid="date-range-value">
          {monthLabel(lo)} – {monthLabel(hi)}
        </span>
      </legend>
      <label className="row nowrap">
        from
        <input
          type="range"
          min={min}
          max={max}
          value={lo}
          data-testid="date-from"
          aria-label="first seen from"
          onChange={(e) => set(Number(e.target.value), hi)}
        />
      </label>
      <label className="row nowrap">
        to
        <input
          type="range"
          min={min}
          max={max}
          value={hi}
          data-testid="date-to"
          aria-label="first seen until"
          onChange={(e) => set(lo, Number(e.target.value))}
        />
      </label>
    </fieldset>
  );
}

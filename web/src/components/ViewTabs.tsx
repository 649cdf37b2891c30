import { actions, useApp, type View } from "../state/store.ts";

const VIEWS: { view: View; name: string; key: string }[] = [
  { view: "graph", name: "Graph", key: "g" },
  { view: "lineage", name: "Lineage", key: "l" },
  { view: "console", name: "Cypher", key: "c" },
];

export function ViewTabs() {
  const current = useApp((s) => s.view);
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map(({ view, name, key }) => (
        <button
          key={view}
          type="button"
          role="tab"
          aria-selected={current === view}
          data-testid={`view-${view}`}
          title={`${name} (${key})`}
          onClick={() => actions.setView(view)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

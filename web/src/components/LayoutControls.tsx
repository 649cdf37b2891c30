import { reloadMainGraph } from "../graph/main-graph.ts";
import { fitView, zoomBy } from "../sigma/main-view.ts";
import { actions, type ColorBy, type SizeBy, useApp } from "../state/store.ts";

export function LayoutControls() {
  const running = useApp((s) => s.layoutRunning);
  const sizeBy = useApp((s) => s.sizeBy);
  const colorBy = useApp((s) => s.colorBy);
  const showPapers = useApp((s) => s.showPapers);
  return (
    <section className="panel-section" aria-label="Layout">
      <h3>Layout</h3>
      <div className="row">
        <button
          type="button"
          data-testid="layout-toggle"
          className={running ? "primary" : ""}
          onClick={() => actions.toggleLayout()}
        >
          {running ? "■ Stop ForceAtlas2" : "▶ Run ForceAtlas2"}
        </button>
      </div>
      <label className="row">
        Size by
        <select
          value={sizeBy}
          data-testid="size-by"
          onChange={(e) => actions.setSizeBy(e.target.value as SizeBy)}
        >
          <option value="degree">degree</option>
          <option value="pagerank">PageRank</option>
        </select>
      </label>
      <label className="row">
        Colour by
        <select
          value={colorBy}
          data-testid="color-by"
          onChange={(e) => actions.setColorBy(e.target.value as ColorBy)}
        >
          <option value="label">label</option>
          <option value="community">community (Louvain)</option>
        </select>
      </label>
      <label className="row">
        <input
          type="checkbox"
          checked={showPapers}
          data-testid="show-papers"
          onChange={(e) => {
            actions.setShowPapers(e.target.checked);
            void reloadMainGraph({ relayout: true });
          }}
        />
        Papers and authors
      </label>
    </section>
  );
}

export function CameraButtons() {
  return (
    <div className="camera-buttons" role="toolbar" aria-label="Camera">
      <button type="button" title="Zoom in (+)" onClick={() => zoomBy(1.5)}>
        +
      </button>
      <button type="button" title="Zoom out (−)" onClick={() => zoomBy(1 / 1.5)}>
        −
      </button>
      <button type="button" title="Fit to view (f)" data-testid="fit" onClick={fitView}>
        ⤢
      </button>
    </div>
  );
}

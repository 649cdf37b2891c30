import { fitView, zoomBy } from "../sigma/main-view.ts";
import { appStore, type SizeBy, useApp } from "../state/store.ts";

export function LayoutControls() {
  const running = useApp((s) => s.layoutRunning);
  const sizeBy = useApp((s) => s.sizeBy);
  return (
    <section className="panel-section" aria-label="Layout">
      <h3>Layout</h3>
      <div className="row">
        <button
          type="button"
          data-testid="layout-toggle"
          className={running ? "primary" : ""}
          onClick={() => appStore.set({ layoutRunning: !running })}
        >
          {running ? "■ Stop ForceAtlas2" : "▶ Run ForceAtlas2"}
        </button>
      </div>
      <label className="row">
        Size by
        <select
          value={sizeBy}
          data-testid="size-by"
          onChange={(e) => appStore.set({ sizeBy: e.target.value as SizeBy })}
        >
          <option value="degree">degree</option>
          <option value="pagerank">PageRank</option>
        </select>
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

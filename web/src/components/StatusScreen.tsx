import { reloadMainGraph } from "../graph/main-graph.ts";
import { actions, type LoadState } from "../state/store.ts";

/** What the stage shows instead of a graph: loading, empty, or why it cannot load. */
export function StatusScreen({ load }: { load: LoadState }) {
  if (load.state === "loading" || load.state === "idle") {
    return (
      <div className="status-screen" data-testid="status-loading" role="status">
        <div className="spinner" aria-hidden />
        <p>{load.state === "loading" ? load.message : "Starting…"}</p>
      </div>
    );
  }
  if (load.state === "empty") {
    return (
      <div className="status-screen" data-testid="status-empty">
        <h2>The graph is empty</h2>
        <p>
          Import papers to build it: drop text files anywhere on this page, or paste abstracts into the import
          dialog. Lab pages, arXiv listings, author pages and plain abstracts all work.
        </p>
        <button type="button" className="primary" onClick={() => actions.openImport()}>
          Import documents (i)
        </button>
      </div>
    );
  }
  if (load.state === "error") {
    return (
      <div className="status-screen error" data-testid="status-error" role="alert">
        <h2 className="error-text">
          {load.unreachable ? "Cannot reach the graph" : "The graph could not be loaded"}
        </h2>
        <p>{load.message}</p>
        {load.unreachable && (
          <p className="muted">
            Start the server and its Neo4j with <code>npm start</code>. This page retries every few seconds.
          </p>
        )}
        <button type="button" onClick={() => void reloadMainGraph()}>
          Retry now
        </button>
      </div>
    );
  }
  return null;
}

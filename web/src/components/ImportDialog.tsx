import type { IngestJob } from "@kg/graph-schema";
import { useEffect, useRef, useState } from "react";
import { api } from "../api/client.ts";
import { mainData, reloadMainGraph } from "../graph/main-graph.ts";
import { focusNode } from "../state/navigation.ts";
import { actions, useApp } from "../state/store.ts";
import { NodeLink } from "./NodeLink.tsx";

const POLL_MS = 400;
const MAX_FILE_BYTES = 50_000_000;

export interface PendingFile {
  name: string;
  text: string;
}

/** Files dropped on the page before the dialog opened. */
export const droppedFiles: { value: PendingFile[] } = { value: [] };

export async function readFiles(
  list: FileList | File[],
): Promise<{ files: PendingFile[]; skipped: string[] }> {
  const files: PendingFile[] = [];
  const skipped: string[] = [];
  for (const file of Array.from(list)) {
    if (file.size > MAX_FILE_BYTES) {
      skipped.push(`${file.name}: larger than 50 MB`);
      continue;
    }
    files.push({ name: file.name, text: await file.text() });
  }
  return { files, skipped };
}

type Phase =
  | { phase: "compose" }
  | { phase: "running"; job: IngestJob }
  | { phase: "done"; job: IngestJob; added: string[] }
  | { phase: "failed"; message: string; job?: IngestJob };

/** Import from the page: drop files or paste text, watch the ingest, see the new nodes appear. */
export function ImportDialog() {
  const open = useApp((s) => s.importOpen);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [pasted, setPasted] = useState("");
  const [phase, setPhase] = useState<Phase>({ phase: "compose" });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open && droppedFiles.value.length) {
      setFiles((f) => [...f, ...droppedFiles.value]);
      droppedFiles.value = [];
    }
  }, [open]);

  if (!open) return null;

  const close = () => {
    actions.closeImport();
    if (phase.phase !== "running") {
      setPhase({ phase: "compose" });
      setFiles([]);
      setPasted("");
      setSkipped([]);
    }
  };

  const addFiles = async (list: FileList | File[]) => {
    const read = await readFiles(list);
    setFiles((f) => [...f, ...read.files]);
    setSkipped((s) => [...s, ...read.skipped]);
  };

  const submit = async () => {
    const all = [...files];
    if (pasted.trim())
      all.push({ name: `pasted-${new Date().toISOString().slice(0, 19)}.txt`, text: pasted });
    if (all.length === 0) return;
    try {
      let job = await api.ingest({ body: { files: all } });
      setPhase({ phase: "running", job });
      while (job.state !== "done" && job.state !== "failed") {
        await new Promise((r) => window.setTimeout(r, POLL_MS));
        job = await api.ingestJob({ params: { id: job.id } });
        setPhase({ phase: "running", job });
      }
      if (job.state === "failed") {
        setPhase({ phase: "failed", message: job.message, job });
        return;
      }
      const added = await reloadMainGraph();
      // Only what this import added: the server's new ids, as drawn on the map.
      const isNew = new Set(job.newNodeIds);
      const fresh = [...new Set([...job.newNodeIds, ...added])].filter(
        (id) => isNew.has(id) && mainData.nodes.has(id),
      );
      actions.markFresh(fresh);
      setPhase({ phase: "done", job, added: fresh });
    } catch (error) {
      setPhase({ phase: "failed", message: (error as Error).message });
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
      >
        <header className="row spread">
          <h2 id="import-title">Import documents</h2>
          <button type="button" className="icon" onClick={close} title="Close (Esc)">
            ×
          </button>
        </header>
        {phase.phase === "compose" && (
          <>
            <section
              className={`dropzone ${dragging ? "over" : ""}`}
              aria-label="Drop files here"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                void addFiles(e.dataTransfer.files);
              }}
            >
              <p>
                Drop text files here (lab pages, arXiv listings, author pages, abstracts, JSONL), or{" "}
                <button type="button" className="link" onClick={() => input.current?.click()}>
                  choose files
                </button>
                .
              </p>
              <input
                ref={input}
                type="file"
                multiple
                hidden
                data-testid="import-files"
                onChange={(e) => e.target.files && void addFiles(e.target.files)}
              />
              {files.length > 0 && (
                <ul className="file-list" data-testid="import-file-list">
                  {files.map((f, i) => (
                    <li key={`${f.name}:${f.text.length}:${f.text.slice(0, 40)}`}>
                      {f.name} <span className="muted">({(f.text.length / 1024).toFixed(1)} kB)</span>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}
                      >
                        remove
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {skipped.map((s) => (
                <p key={s} className="error-text small">
                  {s}
                </p>
              ))}
            </section>
            <label className="paste">
              Or paste text
              <textarea
                data-testid="import-text"
                rows={7}
                placeholder={"Title of a paper\nAbstract: We introduce …"}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
              />
            </label>
            <div className="row spread">
              <span className="muted small">
                Documents are read, their entities and relationships extracted, and merged into the graph.
              </span>
              <button
                type="button"
                className="primary"
                data-testid="import-submit"
                disabled={files.length === 0 && !pasted.trim()}
                onClick={() => void submit()}
              >
                Import
              </button>
            </div>
          </>
        )}
        {phase.phase === "running" && (
          <div className="progress-block" role="status" data-testid="import-progress">
            <div className="progress">
              <div style={{ width: `${Math.round(phase.job.progress * 100)}%` }} />
            </div>
            <p>
              <strong>{phase.job.state}</strong> · {Math.round(phase.job.progress * 100)}% ·{" "}
              {phase.job.message}
            </p>
          </div>
        )}
        {phase.phase === "done" && (
          <div data-testid="import-done">
            <p data-testid="import-report">
              Added <strong data-testid="import-new-papers">{phase.job.added.papers}</strong> new papers and{" "}
              <strong data-testid="import-new-entities">{phase.job.added.entities}</strong> new entities;{" "}
              <span data-testid="import-present">{phase.job.added.present}</span> entities it names were
              already in the graph. {phase.job.edges} relationships read.{" "}
              <strong data-testid="import-new-count">{phase.added.length}</strong> nodes are highlighted in
              the graph.
            </p>
            {phase.job.warnings.length > 0 && (
              <details>
                <summary>{phase.job.warnings.length} warnings</summary>
                <ul className="small">
                  {phase.job.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
            <ul className="new-nodes">
              {phase.added.slice(0, 30).map((id) => {
                const node = mainData.nodes.get(id);
                return node ? (
                  <li key={id}>
                    <NodeLink id={id} label={node.label} name={node.name} />
                  </li>
                ) : null;
              })}
            </ul>
            <div className="row">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const first = phase.added[0];
                  close();
                  if (first) focusNode(first);
                }}
              >
                Show in the graph
              </button>
              <button type="button" onClick={() => setPhase({ phase: "compose" })}>
                Import more
              </button>
            </div>
          </div>
        )}
        {phase.phase === "failed" && (
          <div role="alert" data-testid="import-failed">
            <p className="error-text">The import failed: {phase.message}</p>
            <button type="button" onClick={() => setPhase({ phase: "compose" })}>
              Back
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

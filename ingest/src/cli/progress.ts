/**
 * The ingest's progress on a terminal: one line redrawn in place (documents, papers,
 * relationships, rate, time left) at most every 100 ms; on a pipe or a file, one plain line
 * per phase instead, so logs stay readable.
 */

export interface ProgressState {
  phase: string;
  documents: number;
  documentsTotal: number;
  papers: number;
  papersTotal: number;
  relationships: number;
  relationshipsTotal: number;
}

const REDRAW_MS = 100;
const WIDTH = 24;

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

/** The bar's line for a state (pure, for the tests and the terminal). */
export function progressLine(state: ProgressState, elapsedSeconds: number, phaseSeconds: number): string {
  // The phase's own fraction: papers while extracting, relationships while loading.
  const loading = state.relationshipsTotal > 0;
  const done = loading ? state.relationships : state.papers;
  const total = loading ? state.relationshipsTotal : state.papersTotal;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(fraction * WIDTH);
  const rate = phaseSeconds > 0 ? done / phaseSeconds : 0;
  const left = rate > 0 ? (total - done) / rate : Number.NaN;
  const what = loading ? "rel/s" : "papers/s";
  return (
    `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${state.phase.padEnd(10)} ` +
    `docs ${fmt(state.documents)}/${fmt(state.documentsTotal)}  papers ${fmt(state.papers)}/${fmt(state.papersTotal)}  ` +
    `rels ${fmt(state.relationships)}/${fmt(state.relationshipsTotal)}  ${fmt(Math.round(rate))} ${what}  ` +
    `${duration(elapsedSeconds)} elapsed, ${Number.isNaN(left) ? "?" : duration(left)} left`
  );
}

export class ProgressBar {
  private readonly state: ProgressState = {
    phase: "",
    documents: 0,
    documentsTotal: 0,
    papers: 0,
    papersTotal: 0,
    relationships: 0,
    relationshipsTotal: 0,
  };
  private readonly started = performance.now();
  private phaseStarted = performance.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
    private readonly quiet = false,
  ) {}

  update(change: Partial<ProgressState>): void {
    if (change.phase !== undefined && change.phase !== this.state.phase) {
      this.phaseStarted = performance.now();
      Object.assign(this.state, change);
      if (!this.quiet && !this.tty) this.write(`ingest: ${change.phase}\n`);
      this.draw(true);
      return;
    }
    Object.assign(this.state, change);
    this.draw(false);
  }

  private draw(force: boolean): void {
    if (this.quiet || !this.tty) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const line = progressLine(this.state, (now - this.started) / 1000, (now - this.phaseStarted) / 1000);
    this.write(`\r\x1b[2K${line}`);
    this.drawn = true;
  }

  /** Ends the bar's line, so that what follows starts on a line of its own. */
  done(): void {
    if (this.drawn) this.write("\r\x1b[2K");
    this.drawn = false;
  }
}

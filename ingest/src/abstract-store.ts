import { closeSync, openSync, readSync, writeSync } from "node:fs";

/**
 * The abstracts of a large corpus's paper occurrences, kept in a file instead of memory
 * (at 1,000,000 papers they are ~1.5 GB of text): appended as documents are segmented,
 * read back when a worker needs a chunk's, and when the papers are written to the
 * importer's files. Each occurrence's abstract is known by its number (the order appended).
 */
export class AbstractStore {
  private readonly fd: number;
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private size = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
  /** The occurrence whose abstract each merged paper has (papers whose abstract was left out). */
  private readonly ofPaperId = new Map<string, number>();
  private closed = false;

  constructor(readonly file: string) {
    this.fd = openSync(file, "w+");
  }

  /** Appends an occurrence's abstract; returns its number. */
  append(abstract: string): number {
    const bytes = Buffer.byteLength(abstract, "utf8");
    this.starts.push(this.size + this.pendingBytes);
    this.lengths.push(bytes);
    this.pending.push(abstract);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return this.starts.length - 1;
  }

  /** The abstract of occurrence `k`. */
  get(k: number): string {
    const length = this.lengths[k];
    if (length === undefined) throw new Error(`ingest/abstracts: no abstract number ${k}`);
    if (this.pendingBytes > 0) this.flush();
    if (length === 0) return "";
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, buffer, read, length - read, (this.starts[k] as number) + read);
      if (n === 0) throw new Error(`ingest/abstracts: ${this.file} ends before abstract ${k}`);
      read += n;
    }
    return buffer.toString("utf8");
  }

  /** Records that the merged paper `paperId` was left without its abstract, that of occurrence `k`. */
  leftOut(paperId: string, k: number): void {
    this.ofPaperId.set(paperId, k);
  }

  /** A merged paper's abstract: its own, or the one left out of it here. */
  ofPaper(paper: { id: string; abstract: string }): string {
    const k = this.ofPaperId.get(paper.id);
    return k === undefined ? paper.abstract : this.get(k);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    const text = this.pending.join("");
    let written = 0;
    const buffer = Buffer.from(text, "utf8");
    while (written < buffer.length)
      written += writeSync(this.fd, buffer, written, buffer.length - written, this.size + written);
    this.size += buffer.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Abstracts are written out a megabyte or so at a time. */
const FLUSH_BYTES = 1 << 20;

import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Lines appended to a new file through a buffer, written out whenever it passes
 * `flushChars` characters: one write per buffer instead of one per line.
 */
export class LineFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(
    readonly file: string,
    private readonly flushChars: number,
  ) {
    this.fd = openSync(file, "w");
  }

  line(text: string): void {
    this.parts.push(text, "\n");
    this.size += text.length + 1;
    if (this.size >= this.flushChars) this.flush();
  }

  /** Lines already joined, each ended by "\n". */
  text(lines: string): void {
    this.parts.push(lines);
    this.size += lines.length;
    if (this.size >= this.flushChars) this.flush();
  }

  private flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

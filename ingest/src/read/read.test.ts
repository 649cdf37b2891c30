import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDecodedText, decodeText, readDocumentFromText, readDocuments, sha256Hex } from "./read.ts";

describe("decodeText", () => {
  it("refuses binary and invalid UTF-8, saying which", () => {
    const binary = decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    expect(binary.ok ? "" : binary.problem).toMatch(/binary content/);
    const latin1 = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    expect(latin1.ok ? "" : latin1.problem).toMatch(/not valid UTF-8.*offset 3/);
  });
  it("strips a BOM and normalises line ends", () => {
    const r = decodeText(new TextEncoder().encode("\ufeffa\r\nb\rc"));
    expect(r.ok && r.text).toBe("a\nb\nc");
  });
});

describe("readDocuments", () => {
  it("walks folders in sorted order, skips hidden files, warns about bad files and goes on", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kg-read-"));
    await writeFile(join(dir, "b.txt"), "Abstract: second");
    await writeFile(join(dir, "a.md"), "Abstract: first");
    await writeFile(join(dir, ".hidden.txt"), "Abstract: hidden");
    await writeFile(join(dir, "c.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    await writeFile(join(dir, "d.png"), Buffer.from([1, 2, 3]));
    const { documents, warnings } = await readDocuments([dir, join(dir, "missing.txt")]);
    expect(documents.map((d) => d.source.path)).toEqual([join(dir, "a.md"), join(dir, "b.txt")]);
    expect(documents[0]?.source.id).toBe(sha256Hex("Abstract: first"));
    const messages = warnings.map((w) => w.message);
    expect(messages).toHaveLength(2);
    expect(messages.some((m) => /c\.txt: binary content/.test(m))).toBe(true);
    expect(messages.some((m) => /cannot open .*missing\.txt/.test(m))).toBe(true);
  });
  it("skips a folder's own documentation (SOURCES.md, README) but reads it when named", async () => {
    // Bug: ingesting corpus-sample/ warned "corpus-sample/SOURCES.md: no abstracts found".
    const dir = await mkdtemp(join(tmpdir(), "kg-read-docs-"));
    await writeFile(join(dir, "SOURCES.md"), "# Sources\n\nAbstract: not a paper");
    await writeFile(join(dir, "README.txt"), "Abstract: not a paper either");
    await writeFile(join(dir, "readme-papers.txt"), "Abstract: a paper");
    await writeFile(join(dir, "papers.jsonl"), "{}");
    const { documents, warnings } = await readDocuments([dir]);
    expect(documents.map((d) => d.source.path)).toEqual([
      join(dir, "papers.jsonl"),
      join(dir, "readme-papers.txt"),
    ]);
    expect(warnings).toEqual([]);
    const named = await readDocuments([join(dir, "SOURCES.md")]);
    expect(named.documents.map((d) => d.source.path)).toEqual([join(dir, "SOURCES.md")]);
  });
  it("ends on symbolic links that loop, reading each real file once", async () => {
    // Found by an attack run: two links to `.` made `kg extract` walk forever.
    const dir = await mkdtemp(join(tmpdir(), "kg-read-loop-"));
    await writeFile(join(dir, "a.txt"), "Abstract: only once");
    await symlink(".", join(dir, "loop1"));
    await symlink(".", join(dir, "loop2"));
    await mkdir(join(dir, "sub"));
    await symlink("..", join(dir, "sub", "up"));
    await symlink(join(dir, "a.txt"), join(dir, "b.txt"));
    const started = Date.now();
    const { documents, warnings } = await readDocuments([dir]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(documents.map((d) => d.source.path)).toEqual([join(dir, "a.txt")]);
    expect(warnings.filter((w) => /a symbolic link/.test(w.message))).toHaveLength(3);
  });

  it("never opens a FIFO, named or found in a folder, and reads the rest", async () => {
    // Found by an attack run: a FIFO hung `kg extract`.
    const dir = await mkdtemp(join(tmpdir(), "kg-read-fifo-"));
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    await writeFile(join(dir, "ok.txt"), "Abstract: fine");
    const started = Date.now();
    const { documents, warnings } = await readDocuments([dir, join(dir, "pipe.txt")]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(documents.map((d) => d.source.path)).toEqual([join(dir, "ok.txt")]);
    expect(warnings.map((w) => w.message)).toEqual([
      `read: skipped ${join(dir, "pipe.txt")}: not a regular file (a FIFO); only files are read`,
    ]);
  });

  it("builds a Source for pasted text with a null ingestedAt", () => {
    const doc = readDocumentFromText("pasted", "Abstract: x");
    expect(doc.source).toEqual({
      id: sha256Hex("Abstract: x"),
      path: "pasted",
      kind: "plain",
      bytes: 11,
      ingestedAt: null,
    });
  });
});

describe("checkDecodedText", () => {
  it("refuses pasted text that would be refused as a file's bytes", () => {
    expect(checkDecodedText("Abstract: fine text")).toBeNull();
    expect(checkDecodedText("a\u0000b")).toMatch(/binary content/);
    expect(checkDecodedText("caf\uFFFD ok")).toMatch(/not valid UTF-8.*offset 3/);
    expect(checkDecodedText("x\uD800y")).toMatch(/lone surrogate at offset 1/);
    expect(checkDecodedText("emoji \u{1F600} fine")).toBeNull();
    expect(checkDecodedText("\u0001\u0002\u0003 mostly control")).toMatch(/many control characters/);
  });
});

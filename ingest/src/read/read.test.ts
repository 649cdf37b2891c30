import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, readDocumentFromText, readDocuments, sha256Hex } from "./read.ts";

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

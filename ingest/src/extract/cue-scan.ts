/**
 * Which of a fixed list of cue strings occur (as plain substrings) in a text, in one pass:
 * an Aho-Corasick automaton over the cues' own characters. The frames' pre-filter reads every
 * sentence with it; walking a trie from every position of the sentence cost some 2.5 steps
 * per character through a 128-column table, this costs one step through a table of as many
 * columns as the cues have distinct characters (some 30), small enough to stay in cache.
 */

export interface CueScanner {
  /** Sets seen[i] to 1 for every cue i the text holds (seen is not cleared first). */
  scan(text: string, seen: Uint8Array): void;
}

/** Is every character of the cue ASCII (the automaton reads ASCII only)? */
function isAscii(cue: string): boolean {
  for (let k = 0; k < cue.length; k++) if (cue.charCodeAt(k) >= 128) return false;
  return true;
}

export function cueScanner(cues: readonly string[]): CueScanner {
  const ascii = cues.map((c, i) => ({ c, i })).filter(({ c }) => c.length > 0 && isAscii(c));
  // Column 0: every character that is in no cue (it ends any match: back to the root).
  const column = new Uint8Array(128);
  let columns = 1;
  for (const { c } of ascii)
    for (let k = 0; k < c.length; k++) {
      const code = c.charCodeAt(k);
      if (column[code] === 0) column[code] = columns++;
    }
  // The trie: goto[state * columns + column] (0: none yet; the root is state 0).
  const size = 1 + ascii.reduce((n, { c }) => n + c.length, 0);
  const goto = new Int32Array(size * columns);
  const ends: number[][] = [[]];
  let states = 1;
  for (const { c, i } of ascii) {
    let s = 0;
    for (let k = 0; k < c.length; k++) {
      const slot = s * columns + (column[c.charCodeAt(k)] as number);
      if (goto[slot] === 0) {
        goto[slot] = states++;
        ends.push([]);
      }
      s = goto[slot] as number;
    }
    (ends[s] as number[]).push(i);
  }
  // Breadth first: each state's failure link, its missing transitions taken from it, and the
  // cues of its failure chain added to its own (a state then reports every cue ending there).
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let a = 0; a < columns; a++) {
    const t = goto[a] as number;
    if (t !== 0) queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    for (const cue of ends[fail[s] as number] as number[]) (ends[s] as number[]).push(cue);
    for (let a = 0; a < columns; a++) {
      const slot = s * columns + a;
      const t = goto[slot] as number;
      const viaFail = goto[(fail[s] as number) * columns + a] as number;
      if (t === 0) goto[slot] = viaFail;
      else {
        fail[t] = viaFail;
        queue.push(t);
      }
    }
  }
  // States renumbered so that those that report a cue come last (one comparison per character
  // tells whether to look), and the table holds each target's row offset (no multiplication).
  const order: number[] = [];
  for (let s = 0; s < states; s++) if ((ends[s] as number[]).length === 0) order.push(s);
  const firstReporting = order.length;
  for (let s = 0; s < states; s++) if ((ends[s] as number[]).length > 0) order.push(s);
  const renumbered = new Int32Array(states);
  order.forEach((s, r) => {
    renumbered[s] = r;
  });
  const next = new Int32Array(states * columns);
  for (let s = 0; s < states; s++)
    for (let a = 0; a < columns; a++)
      next[(renumbered[s] as number) * columns + a] =
        (renumbered[goto[s * columns + a] as number] as number) * columns;
  const reportingRow = firstReporting * columns;
  // The cues of each reporting state, flat: row r reports out[first[i] .. first[i + 1]), i = r / columns - firstReporting.
  const first = new Int32Array(order.length - firstReporting + 1);
  const out: number[] = [];
  for (let r = firstReporting; r < order.length; r++) {
    first[r - firstReporting] = out.length;
    for (const cue of new Set(ends[order[r] as number])) out.push(cue);
  }
  first[order.length - firstReporting] = out.length;
  const reports = Int32Array.from(out);
  // Cues with a character outside ASCII (none today) are looked up with `includes`; an empty cue is never seen.
  const other = cues.flatMap((c, i) => (c.length > 0 && isAscii(c) ? [] : [i]));

  return {
    scan(text: string, seen: Uint8Array): void {
      let row = 0;
      for (let j = 0; j < text.length; j++) {
        const code = text.charCodeAt(j);
        row = next[row + (code < 128 ? (column[code] as number) : 0)] as number;
        if (row >= reportingRow) {
          const i = row / columns - firstReporting;
          for (let r = first[i] as number, end = first[i + 1] as number; r < end; r++)
            seen[reports[r] as number] = 1;
        }
      }
      for (const i of other) if (text.includes(cues[i] as string)) seen[i] = 1;
    },
  };
}

/**
 * Which labels to draw: sigma's own label grid keeps one label per cell but lets a
 * long label run over its neighbours' cells, so a map of a few thousand nodes shows
 * piles of text. Here labels are chosen greedily, most connected first, and a label is
 * drawn only when its box (and its node's disc) overlaps no label already chosen, in
 * screen pixels for the camera as it is. Pure: the controller feeds it viewport
 * positions, the tests hand-made ones.
 */

export interface LabelCandidate {
  id: string;
  /** Viewport position of the node's centre, in pixels. */
  x: number;
  y: number;
  /** Rendered radius of the disc, in pixels. */
  size: number;
  /** Width of the label's text, in pixels. */
  width: number;
  /** Higher first. */
  rank: number;
}

export interface PlacementOptions {
  width: number;
  height: number;
  /** Height of a label's box (the font size and a little air). */
  lineHeight: number;
  /** At most this many labels (a screen of text is no map either). */
  max: number;
  /** Free space kept around each label box, in pixels. */
  margin: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Sigma draws a label to the right of its disc, vertically centred on it. */
export function labelBox(c: LabelCandidate, lineHeight: number): Box {
  const x0 = c.x + c.size + 2;
  return { x0, y0: c.y - lineHeight / 2, x1: x0 + c.width, y1: c.y + lineHeight / 2 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Greedy placement: O(n log n) for the sort, then each candidate checks only the boxes
 * in the grid cells its own box covers. Candidates outside the viewport are skipped.
 */
export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions): string[] {
  const cell = 64;
  const grid = new Map<number, Box[]>();
  const cols = Math.ceil(options.width / cell) + 4;
  const keys = (b: Box): number[] => {
    const out: number[] = [];
    const cx0 = Math.floor(b.x0 / cell);
    const cx1 = Math.floor(b.x1 / cell);
    const cy0 = Math.floor(b.y0 / cell);
    const cy1 = Math.floor(b.y1 / cell);
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) out.push(cy * cols + cx);
    return out;
  };
  const sorted = [...candidates].sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
  const chosen: string[] = [];
  const m = options.margin;
  for (const c of sorted) {
    if (chosen.length >= options.max) break;
    const label = labelBox(c, options.lineHeight);
    if (label.x1 < 0 || label.x0 > options.width || label.y1 < 0 || label.y0 > options.height) continue;
    // The label's box with its margin, and the disc it belongs to.
    const box = { x0: c.x - c.size - m, y0: label.y0 - m, x1: label.x1 + m, y1: label.y1 + m };
    const cellKeys = keys(box);
    let free = true;
    for (const k of cellKeys) {
      const boxes = grid.get(k);
      if (boxes?.some((b) => overlaps(b, box))) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    chosen.push(c.id);
    for (const k of cellKeys) {
      const boxes = grid.get(k);
      if (boxes) boxes.push(box);
      else grid.set(k, [box]);
    }
  }
  return chosen;
}

import type { SearchHit } from "@kg/graph-schema";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError, api } from "../api/client.ts";
import { mainData } from "../graph/main-graph.ts";
import { LABEL_COLORS } from "../graph/style.ts";
import { focusNode } from "../state/navigation.ts";

const DEBOUNCE_MS = 120;

/**
 * When the server has no /api/search yet, suggestions come from the names already
 * loaded: prefix first, then substring. The endpoint adds typo tolerance and aliases.
 */
function localSearch(q: string, limit: number): SearchHit[] {
  const needle = q.toLowerCase();
  const hits: SearchHit[] = [];
  for (const node of mainData.nodes.values()) {
    const name = node.name.toLowerCase();
    const at = name.indexOf(needle);
    if (at < 0) continue;
    hits.push({ id: node.id, label: node.label, name: node.name, score: at === 0 ? 2 : 1, matched: "name" });
  }
  return hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length).slice(0, limit);
}

export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      setNote(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const result = await api.search({ query: { q: text, limit: 8 } }, controller.signal);
        setHits(result.hits);
        setNote(result.hits.length === 0 ? `Nothing matches “${text}”.` : null);
      } catch (error) {
        if ((error as Error).name === "AbortError") return;
        if (error instanceof ApiRequestError && error.status === 404) {
          const local = localSearch(text, 8);
          setHits(local);
          setNote(local.length === 0 ? `Nothing matches “${text}”.` : null);
          return;
        }
        setHits([]);
        setNote((error as Error).message);
      }
      setActive(0);
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [q]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    focusNode(hit.id);
    setOpen(false);
    setQ(hit.name);
    input.current?.blur();
  };

  return (
    <div className="search">
      <input
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="search-hits"
        aria-autocomplete="list"
        aria-activedescendant={hits[active] ? `hit-${active}` : undefined}
        ref={input}
        id="search-input"
        data-testid="search-input"
        type="search"
        placeholder="Search models, data sets, papers, people…  ( / )"
        value={q}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            pick(hits[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
            input.current?.blur();
          }
        }}
      />
      {open && (hits.length > 0 || note) && (
        <div className="search-hits" role="listbox" id="search-hits" data-testid="search-hits">
          {hits.map((hit, i) => (
            <div
              key={hit.id}
              id={`hit-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? "active" : ""}
              data-id={hit.id}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(hit);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="swatch" style={{ background: LABEL_COLORS[hit.label] }} />
              <span className="hit-name">{hit.name}</span>
              <span className="hit-meta">
                {hit.label}
                {hit.matched !== "name" ? ` · ${hit.matched}` : ""}
              </span>
            </div>
          ))}
          {note && <div className="search-note">{note}</div>}
        </div>
      )}
    </div>
  );
}

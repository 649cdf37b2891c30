import { describe, expect, it } from "vitest";
import { monthIndex, monthLabel, OverviewQuerySchema } from "./api.ts";
import { fillPath, queryString, ROUTES } from "./routes.ts";

describe("route contracts", () => {
  it("declare each method and path once", () => {
    const keys = Object.values(ROUTES).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("fill path parameters encoded and leave out undefined query values", () => {
    expect(fillPath(ROUTES.card.path, { id: "Paper:arxiv:2405.18377" })).toBe(
      "/api/nodes/Paper%3Aarxiv%3A2405.18377/card",
    );
    expect(() => fillPath(ROUTES.card.path, {})).toThrow(/:id/);
    expect(queryString({ q: "a b", limit: 8, label: undefined })).toBe("?q=a%20b&limit=8");
  });

  it('read the overview\'s papers flag as a flag ("false" is false)', () => {
    const query = OverviewQuerySchema;
    expect(query.parse({ papers: "false" }).papers).toBe(false);
    expect(query.parse({ papers: "true" }).papers).toBe(true);
    expect(query.parse({}).budget).toBeLessThanOrEqual(20_000);
  });

  it("index months of ISO dates", () => {
    expect(monthIndex("2024-05-23")).toBe(2024 * 12 + 4);
    expect(monthLabel(monthIndex("2024-05-23"))).toBe("2024-05");
    expect(monthIndex(null)).toBe(-1);
    expect(monthIndex("May 2024")).toBe(-1);
  });
});

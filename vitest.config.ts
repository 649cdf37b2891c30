import { defineConfig } from "vitest/config";

// Three kinds of test, as the style guide asks: pure units beside their code,
// integration tests against the real Neo4j the project starts, and browser tests in
// headless Chromium. The last two share one Neo4j started by the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "graph-schema/**/*.test.ts",
            "ingest/**/*.test.ts",
            "queries/**/*.test.ts",
            "web/**/*.test.ts",
            "db/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/global-neo4j.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { createKgGraph } from "./model.ts";

/** The console's result graph: one graphology instance for the page's lifetime, refilled per query. */
export const consoleGraph = createKgGraph();

import { useEffect, useState } from "react";
import { ApiRequestError, api } from "../api/client.ts";
import { useApp } from "../state/store.ts";

const POLL_MS = 15_000;

/** A banner while the server or Neo4j cannot be reached, once a graph is already on the page. */
export function HealthBanner() {
  const ready = useApp((s) => s.load.state === "ready" || s.load.state === "empty");
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const check = async () => {
      try {
        const health = await api.health({});
        if (stopped) return;
        setProblem(
          health.neo4j === "down"
            ? `Neo4j cannot be reached${health.message ? `: ${health.message}` : ""}. The page shows the graph as last loaded.`
            : null,
        );
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiRequestError && error.status === 404) return setProblem(null);
        setProblem(`${(error as Error).message} The page shows the graph as last loaded.`);
      }
    };
    const timer = window.setInterval(check, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [ready]);
  if (!problem) return null;
  return (
    <div className="banner" role="alert" data-testid="health-banner">
      {problem}
    </div>
  );
}

import { useEffect, useState } from "react";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ok"; data: T }
  | { state: "error"; error: Error & { status?: number; unreachable?: boolean } };

/** Runs `load` when `key` changes (aborting the previous one); null key loads nothing. */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setResult({ state: "loading" });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: "ok", data });
      },
      (error: Error) => {
        if (!controller.signal.aborted && error.name !== "AbortError") setResult({ state: "error", error });
      },
    );
    return () => controller.abort();
  }, [key]);
  return result;
}

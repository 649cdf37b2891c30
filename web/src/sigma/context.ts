import { createContext, useContext } from "react";
import type Sigma from "sigma";
import type { EdgeAttrs, NodeAttrs } from "../graph/model.ts";

export type KgSigma = Sigma<NodeAttrs, EdgeAttrs>;

export const SigmaContext = createContext<KgSigma | null>(null);

/** The sigma instance of the enclosing SigmaHost; controllers render inside it. */
export function useSigma(): KgSigma {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error("web/sigma: useSigma must be called inside a <SigmaHost>.");
  return sigma;
}

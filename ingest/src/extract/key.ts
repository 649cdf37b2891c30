/**
 * The normalised key of a name (graph-schema's normaliseKey), memoised: extraction and
 * resolution ask for the key of the same surface forms many thousands of times.
 */
import { normaliseKey } from "@kg/graph-schema";

export const keyOf: (name: string) => string = normaliseKey;

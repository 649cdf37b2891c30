/**
 * A model is often named after the model it was made from: its next version ("Foo 3.0" after
 * "Foo 2.0"), a variant ("Foo-Omni", "Foo2" after "Foo") or a specialisation ("VideoFoo" after
 * "Foo"). A derivation frame that reads "built upon Foo" does not, alone, say Foo is a model
 * (engines, platforms and methods are built upon too); a product named after Foo does.
 */
import { keyOf } from "./key.ts";

/** A version or size at the end of a key: "-2-0", "-v1", "-3". */
const VERSION_TAIL = /(?:-v?\d+)+$/;
/** The shortest stem that can name a model's lineage ("sam", "vit"); shorter ones are letters that recur by chance. */
const MIN_STEM = 3;

/** Is `made` named after `base`: `base` without its version a proper prefix or suffix of `made`? */
export function namedAfter(made: string, base: string): boolean {
  const m = keyOf(made);
  const b = keyOf(base);
  if (m === b) return false;
  const stem = b.replace(VERSION_TAIL, "");
  if (stem.length < MIN_STEM || !/[a-z]/.test(stem) || stem === m) return false;
  return m.startsWith(stem) || m.endsWith(stem);
}

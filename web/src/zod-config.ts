/**
 * zod's JIT probes for eval with `new Function`, which the server's CSP (no
 * 'unsafe-eval') reports as a violation on every page. Imported first by main.tsx.
 */
import { z } from "zod";

z.config({ jitless: true });

/**
 * zod compiles fast parsers with `new Function` when eval is allowed, and probes for it
 * on first use. The server's CSP (default-src 'self') forbids eval, so the probe would
 * be reported as a violation: the page tells zod up front to parse without it.
 */
import { z } from "zod";

z.config({ jitless: true });

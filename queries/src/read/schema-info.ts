/**
 * What the live database holds, for the console's completion: labels, relationship
 * types and property keys (read-only procedures).
 */
import { z } from "zod";
import { defineQuery } from "../define.ts";

export const schemaInfoQuery = defineQuery({
  name: "schemaInfo",
  mode: "READ",
  cypher: /* cypher */ `
    CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
    CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS relationshipTypes }
    CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS propertyKeys }
    RETURN labels, relationshipTypes, propertyKeys`,
  params: z.object({}),
  row: z.object({
    labels: z.array(z.string()),
    relationshipTypes: z.array(z.string()),
    propertyKeys: z.array(z.string()),
  }),
});

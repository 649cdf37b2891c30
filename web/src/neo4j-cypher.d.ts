// The @neo4j-cypher packages ship their types but their "exports" maps do not point to
// them, so TypeScript's bundler resolution cannot find them; these re-exports do.
declare module "@neo4j-cypher/react-codemirror" {
  export * from "@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts";
}
declare module "@neo4j-cypher/codemirror" {
  export * from "@neo4j-cypher/codemirror/src/codemirror.d.ts";
}

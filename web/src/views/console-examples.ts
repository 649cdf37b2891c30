/**
 * The console's menu of example queries; names shown to the user, Cypher run as is.
 * Each must return rows on the shipped sample corpus and on ../shared/corpus
 * (tests/integration/sample-corpus.test.ts runs them all on the sample).
 */
export const EXAMPLE_QUERIES: { name: string; query: string }[] = [
  {
    name: "Lineage of a model (PET-F2I-7B)",
    query: `MATCH p = (m:Model {name: "PET-F2I-7B"})-[:BASED_ON*1..10]->(:Model)
RETURN p`,
  },
  {
    name: "Models built on Qwen2.5-7B-Instruct",
    query: `MATCH p = (:Model)-[:BASED_ON*1..5]->(:Model {name: "Qwen2.5-7B-Instruct"})
RETURN p`,
  },
  {
    name: "What uses MIMIC-IV (models trained or evaluated on it, papers)",
    // By key, not display name: the name is whichever spelling was read most often.
    query: `MATCH (x)-[r:TRAINED_ON|EVALUATED_ON|INTRODUCES|MENTIONS]->(d:Dataset {key: "mimic-iv"})
RETURN x.name AS what, type(r) AS how, r.evidence[0] AS evidence, x, r, d`,
  },
  {
    name: "Labs by number of papers",
    query: `MATCH (o:Organization)-[:PUBLISHED]->(p:Paper)
RETURN o.name AS lab, count(p) AS papers
ORDER BY papers DESC LIMIT 25`,
  },
  {
    name: "Most fine-tuned base models",
    query: `MATCH (base:Model)<-[r:BASED_ON]-(derived:Model)
RETURN base.name AS base, count(derived) AS derived, collect(DISTINCT r.method) AS methods
ORDER BY derived DESC LIMIT 25`,
  },
  {
    name: "Benchmarks by number of models evaluated",
    query: `MATCH (m:Model)-[:EVALUATED_ON]->(d:Dataset)
RETURN d.name AS benchmark, count(DISTINCT m) AS models
ORDER BY models DESC LIMIT 25`,
  },
  {
    name: "LoRA adapters and their bases",
    query: `MATCH (m:Model)-[r:BASED_ON {method: "adapter"}]->(b:Model)
RETURN m, r, b`,
  },
  {
    name: "The most prolific author's papers and co-authors",
    query: `MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WITH a, count(p) AS papers ORDER BY papers DESC LIMIT 1
MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(co:Author)
RETURN a, p, co LIMIT 300`,
  },
  {
    name: "Shortest path between two models",
    query: `MATCH p = shortestPath((a:Model {name: "PET-F2I-7B"})-[*..8]-(b:Model {name: "Innovator-Reason"}))
RETURN p`,
  },
  {
    name: "Data sets introduced with the models trained on them",
    query: `MATCH (p:Paper)-[:INTRODUCES]->(d:Dataset)<-[:TRAINED_ON]-(m:Model)
RETURN p, d, m LIMIT 100`,
  },
];

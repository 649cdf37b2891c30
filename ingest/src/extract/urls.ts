/**
 * urls: the links of a text and the repositories they name (GitHub, Hugging Face), whose
 * owners become Organizations that DEVELOPED what the repository is named after.
 */

/** URLs in a sentence, without trailing punctuation. Linear scan. */
export function findUrls(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf("http", from);
    if (i < 0) break;
    from = i + 4;
    if (!text.startsWith("http://", i) && !text.startsWith("https://", i)) continue;
    let j = i;
    while (j < text.length && text.charCodeAt(j) > 32 && !"<>\"'`{}|\\^".includes(text.charAt(j))) j++;
    let url = text.slice(i, j);
    while (url.length > 0 && ".,;:!?)]}".includes(url.charAt(url.length - 1))) url = url.slice(0, -1);
    if (url.length > 10) out.push(url);
    from = j;
  }
  return out;
}

const HF_RESERVED = new Set([
  "papers",
  "docs",
  "blog",
  "spaces",
  "models",
  "datasets",
  "collections",
  "organizations",
  "login",
  "join",
  "pricing",
  "learn",
  "tasks",
  "chat",
]);

/** The owner and repository of a GitHub or Hugging Face URL. */
export function repositoryOf(
  url: string,
): { host: "github" | "huggingface"; owner: string; name: string | null } | null {
  const m =
    /^https?:\/\/(?:www\.)?(github\.com|huggingface\.co|hf\.co)\/([^/?#\s]+)(?:\/([^/?#\s]+))?(?:\/([^/?#\s]+))?/i.exec(
      url,
    );
  if (!m) return null;
  const host = m[1]?.toLowerCase() === "github.com" ? "github" : "huggingface";
  let owner = m[2] as string;
  let name = m[3] ?? null;
  if (host === "huggingface" && (owner === "datasets" || owner === "spaces")) {
    owner = m[3] ?? "";
    name = m[4] ?? null;
  }
  if (
    !owner ||
    HF_RESERVED.has(owner.toLowerCase()) ||
    /^(?:orgs|topics|features|about|marketplace|sponsors|settings)$/i.test(owner)
  )
    return null;
  if (name) name = name.replace(/\.git$/, "");
  return { host, owner, name };
}

// Recognised text cut into the pieces a user picks a verbatim reason from: sentences, and
// paragraphs without a full stop (a heading, a line of a table). OCR breaks lines where the
// page did, so lines are joined first; a blank line ends a piece only before a capital.
// Pure: the answer form runs it in the browser and on the server alike.

const END = /[.!?…]["»)\]]*$/u;
const STARTS = /^[\p{Lu}\p{N}«"(№§-]/u;

export function splitSentences(text: string, max = 300): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/-\n(?=\p{Ll})/gu, "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  // A paragraph that continues the previous one's sentence (starts in lower case) joins it.
  const joined: string[] = [];
  for (const p of paragraphs) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && !END.test(prev) && !STARTS.test(p)) joined[joined.length - 1] = `${prev} ${p}`;
    else joined.push(p);
  }
  const out: string[] = [];
  for (const p of joined) {
    for (const t of splitParagraph(p)) {
      if (/\p{L}/u.test(t)) out.push(t);
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** Splits after . ! ? … before a capital, but not after a short abbreviation ("ул.", "г.", "Исх."). */
function splitParagraph(p: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of p.matchAll(/(\S*)[.!?…]["»)\]]*\s+(?=[\p{Lu}\p{N}«"(№§])/gu)) {
    const word = (m[1] ?? "").replace(/[^\p{L}]/gu, "");
    if (m[0].trimEnd().endsWith(".") && word.length > 0 && word.length <= 3) continue;
    const end = (m.index ?? 0) + m[0].length;
    out.push(p.slice(start, end).trim());
    start = end;
  }
  const rest = p.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

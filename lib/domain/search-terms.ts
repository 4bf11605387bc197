// Words for the full-text search (lib/data/search.ts): how a text is cut into words, how a
// Russian word is reduced to its stem, and how a search becomes a query of word prefixes.
//
// Russian changes the end of a word (отказ, отказали, отказано; шествие, шествия): the
// Snowball stemmer takes «отказали» to «отказа» and «отказ» to «отказ», so the query is the
// stem with its final vowels dropped, matched as a PREFIX of the indexed stems — «отказ…»
// meets both. Kazakh has no Snowball stemmer: its words are also indexed as written (folded),
// and a query word matches them as a prefix too (шеру, шеруі). A word in the other script is
// looked for as well (lib/domain/fold.ts): «алматы» finds "Almaty".
// SQLite indexes the output of indexText in FTS5; PostgreSQL builds its tsvector itself with
// the "russian" and "simple" configurations (the same Snowball algorithm), and both take the
// same prefix groups as their query. No I/O: pure.
import snowball from "snowball-stemmers";
import { foldForSearch, searchVariants } from "./fold";

const russian = snowball.newStemmer("russian");
const WORD = /[\p{L}\p{N}]+/gu;
const VOWELS = /[аеиоуыэюяйь]+$/;
// Words too common to narrow a search (PostgreSQL's russian configuration drops them too).
const STOP = new Set(["и", "в", "во", "на", "с", "со", "по", "о", "об", "из", "за", "к", "у", "от", "до", "the", "of", "and", "in", "on", "a", "an", "to", "for", "жəне", "және"]);
/** A search has at most this many words; more would only slow the query down. */
export const MAX_QUERY_WORDS = 8;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The Snowball stem of a folded word (a word without Cyrillic passes through). */
export function stem(folded: string): string {
  return /[а-я]/.test(folded) ? russian.stem(folded) : folded;
}

// Kazakh endings (plural, possessive, case), longest first. Kazakh has no Snowball stemmer:
// a query word is also looked for without them, so «шеруді», «шерулер» find «шеру».
const KAZAKH_ENDINGS = [
  "лардың", "лердің", "дардың", "дердің", "тардың", "тердің", "ларға", "лерге", "дарға", "дерге", "тарға", "терге",
  "лары", "лері", "дары", "дері", "тары", "тері", "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке",
  "нан", "нен", "дан", "ден", "тан", "тен", "мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер",
  "ды", "ді", "ты", "ті", "ны", "ні", "да", "де", "та", "те", "сы", "сі", "ы", "і",
];
const KAZAKH_LETTERS = /[әғқңөұүһі]/;
// A plural followed by a case ending, which no Russian word has: «шерулерге», «акциялардан» are
// Kazakh though written with letters Russian shares (and the Russian stemmer changes them).
const KAZAKH_PLURAL_CASE = /(?:[лдт]ар(?:ға|да|дан|дың|ын)|[лдт]ер(?:ге|де|ден|дің|ін))$/;

/** A Kazakh word without its endings (at least 3 letters kept); the word itself when it has none. */
export function kazakhBase(folded: string): string {
  let w = folded;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of KAZAKH_ENDINGS) {
      if (w.endsWith(e) && w.length - e.length >= 3) {
        w = w.slice(0, -e.length);
        changed = true;
        break;
      }
    }
  }
  return w;
}

/** What a query word is looked for as: its stem without the final vowels, kept at 3 letters at least. */
function prefixOf(folded: string): string {
  const s = stem(folded);
  const cut = s.replace(VOWELS, "");
  return cut.length >= 3 ? cut : s;
}

/** The text as FTS5 indexes it on SQLite: every word as its stem and, when different, as written (folded). */
export function indexText(text: string): string {
  const out: string[] = [];
  for (const w of words(text)) {
    const f = foldForSearch(w);
    const s = stem(f);
    out.push(s === f ? f : `${s} ${f}`);
  }
  return out.join(" ");
}

/**
 * The search as groups of word prefixes: a record matches when, for every group, one of its
 * words starts with one of the group's prefixes. Empty when the search has no words.
 */
export function queryGroups(q: string): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const w of words(foldForSearch(q))) {
    if (STOP.has(w) || seen.has(w)) continue;
    seen.add(w);
    const prefixes = new Set<string>();
    for (const v of searchVariants(w)) {
      for (const part of words(v)) {
        prefixes.add(part);
        prefixes.add(prefixOf(part));
        // A Kazakh word (one with a Kazakh letter, or one the Russian stemmer leaves alone)
        // without its endings; «алматы» stays a Russian word, so it is not cut to «алма».
        if (/[а-я]/.test(part) && (KAZAKH_LETTERS.test(part) || stem(part) === part || KAZAKH_PLURAL_CASE.test(part))) prefixes.add(kazakhBase(part));
      }
    }
    // A shorter prefix already covers a longer one.
    const list = [...prefixes].filter((p) => p && ![...prefixes].some((o) => o !== p && p.startsWith(o)));
    if (list.length) groups.push(list.sort());
    if (groups.length >= MAX_QUERY_WORDS) break;
  }
  return groups;
}

/** FTS5 query: (a* OR b*) AND (c*). Prefixes are letters and digits only, so quoting is safe. */
export function ftsQuery(groups: readonly string[][]): string {
  return groups.map((g) => `(${g.map((p) => `"${p}"*`).join(" OR ")})`).join(" AND ");
}

/** PostgreSQL to_tsquery('simple', …) text: ('a':* | 'b':*) & ('c':*). */
export function tsQuery(groups: readonly string[][]): string {
  return groups.map((g) => `(${g.map((p) => `'${p}':*`).join(" | ")})`).join(" & ");
}

/** Whether a word of a text is one the search asked for. */
function matches(word: string, prefixes: readonly string[]): boolean {
  const f = foldForSearch(word);
  const s = stem(f);
  return prefixes.some((p) => f.startsWith(p) || s.startsWith(p));
}

export interface SnippetRun {
  text: string;
  mark: boolean;
}

/**
 * A short passage of the text around the first word the search asked for, cut into plain
 * and marked runs (shown as <mark> by React, which escapes the text). Null when no word of
 * the text matches.
 */
export function snippet(text: string, groups: readonly string[][], size = 220): SnippetRun[] | null {
  const prefixes = groups.flat();
  if (!prefixes.length || !text) return null;
  const hits: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    if (matches(m[0], prefixes)) hits.push({ start: m.index, end: m.index + m[0].length });
  }
  if (!hits.length) return null;
  // The window opens a little before the first hit, on a word boundary.
  let from = Math.max(0, hits[0].start - Math.floor(size / 4));
  if (from > 0) {
    const space = text.lastIndexOf(" ", from);
    from = space > 0 && hits[0].start - space < size / 2 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + size);
  if (to < text.length) {
    const space = text.indexOf(" ", to);
    to = space > 0 && space - to < 30 ? space : to;
  }
  const runs: SnippetRun[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = runs[runs.length - 1];
    if (last && last.mark === mark) last.text += t;
    else runs.push({ text: t, mark });
  };
  if (from > 0) push("…", false);
  let at = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    push(text.slice(at, Math.max(at, h.start)), false);
    push(text.slice(Math.max(at, h.start), Math.min(h.end, to)), true);
    at = Math.min(h.end, to);
  }
  push(text.slice(at, to), false);
  if (to < text.length) push("…", false);
  return runs;
}

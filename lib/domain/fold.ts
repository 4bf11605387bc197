// Search across scripts. Place and authority names reach the tracker in three spellings:
// "Almaty" (English), «Алматы» (Russian and Kazakh) and, from some reports, "Almaty qalasy".
// A search is widened to the same words in the other script, so «алматы» finds "Almaty" and
// "shymkent" finds «Шымкент». Case is folded by the databases themselves (ILIKE on
// PostgreSQL; lib/db-client.ts's Unicode LIKE on SQLite, which folds ә/Ә … і/І too).
//
// Cyrillic → Latin: the `transliteration` package (its Russian table: ы→y, ж→zh, х→kh …),
// with the nine Kazakh letters set to the plain Latin letters English texts use for them
// (Қарағанды → Karagandy, Өскемен → Oskemen) instead of its default apostrophes.
// Latin → Cyrillic is not a function (y is ы or й, e is е or э): a small table gives the
// spelling a Russian or Kazakh text most likely has for an English name. No I/O: pure.
import { transliterate } from "transliteration";

const KAZAKH_LETTERS: Record<string, string> = {
  ә: "a", Ә: "A", ғ: "g", Ғ: "G", қ: "k", Қ: "K", ң: "n", Ң: "N", ө: "o", Ө: "O",
  ұ: "u", Ұ: "U", ү: "u", Ү: "U", һ: "h", Һ: "H", і: "i", І: "I",
};
const KAZAKH_REPLACE: [string, string][] = Object.entries(KAZAKH_LETTERS);

/** Letter groups first (longest match wins), then single letters. */
const LATIN_TO_CYRILLIC: [string, string][] = [
  ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ts", "ц"], ["ch", "ч"], ["sh", "ш"],
  ["yu", "ю"], ["ya", "я"], ["yo", "ё"], ["ye", "е"],
  ["a", "а"], ["b", "б"], ["c", "к"], ["d", "д"], ["e", "е"], ["f", "ф"], ["g", "г"], ["h", "х"],
  ["i", "и"], ["j", "ж"], ["k", "к"], ["l", "л"], ["m", "м"], ["n", "н"], ["o", "о"], ["p", "п"],
  ["q", "к"], ["r", "р"], ["s", "с"], ["t", "т"], ["u", "у"], ["v", "в"], ["w", "у"], ["x", "кс"],
  ["y", "ы"], ["z", "з"],
];

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[a-z]/i;

/** Lower case in every script, and ё read as е (Russian texts write either). */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase("ru").replace(/ё/g, "е").normalize("NFC");
}

/** «Алматы қаласы» → "almaty kalasy". Characters outside Cyrillic are kept. */
export function cyrillicToLatin(text: string): string {
  return foldForSearch(transliterate(text, { replace: KAZAKH_REPLACE }));
}

/** "Almaty" → «алматы». Characters outside Latin are kept. */
export function latinToCyrillic(text: string): string {
  const s = foldForSearch(text);
  let out = "";
  for (let i = 0; i < s.length; ) {
    const hit = LATIN_TO_CYRILLIC.find(([lat]) => s.startsWith(lat, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += s[i];
      i += 1;
    }
  }
  return out;
}

/**
 * The spellings to look for when someone searches `q`: the query itself and, when it holds
 * Cyrillic or Latin letters, the same in the other script. Folded, without duplicates.
 */
export function searchVariants(q: string): string[] {
  const base = foldForSearch(q.trim());
  if (!base) return [];
  const out = new Set<string>([base]);
  if (CYRILLIC.test(base)) out.add(cyrillicToLatin(base));
  if (LATIN.test(base) && !CYRILLIC.test(base)) out.add(latinToCyrillic(base));
  return [...out].filter(Boolean);
}

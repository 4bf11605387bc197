// Splits a document into plain and highlighted runs for the quotes taken from it.
export interface Run {
  text: string;
  /** Citation ids whose quote covers this run (empty: plain text). */
  citationIds: string[];
}

export function highlightQuotes(text: string, quotes: readonly { id: string; quote: string }[]): Run[] {
  const marks: { start: number; end: number; id: string }[] = [];
  for (const q of quotes) {
    const at = q.quote ? text.indexOf(q.quote) : -1;
    if (at >= 0) marks.push({ start: at, end: at + q.quote.length, id: q.id });
  }
  // Cut at every boundary, so overlapping quotes each keep their own anchor.
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    const ids = marks.filter((m) => m.start <= s && m.end >= e).map((m) => m.id);
    const last = runs[runs.length - 1];
    if (last && last.citationIds.join() === ids.join()) last.text += text.slice(s, e);
    else runs.push({ text: text.slice(s, e), citationIds: ids });
  }
  return runs;
}

// Category labels on a chart axis are cut to what their place on the axis holds: at most
// `maxLines` lines of `maxChars` characters, broken between words, the last one ending in "…"
// when the label is longer. Long labels (a refusal ground, a court's name, and more so in
// Russian and Kazakh) otherwise ran into the next bar's label. The full label stays in the
// tick's <title> and in the table beside the chart.

export interface FittedLabel {
  lines: string[];
  truncated: boolean;
}

export function fitLabel(label: string, maxChars: number, maxLines = 2): FittedLabel {
  const lines: string[] = [];
  let line = "";
  for (const word of label.trim().split(/\s+/).filter(Boolean)) {
    let w = word;
    // A word longer than a line is split across lines.
    while (w.length > maxChars) {
      if (line) lines.push(line);
      line = "";
      lines.push(w.slice(0, maxChars));
      w = w.slice(maxChars);
    }
    if (!w) continue;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= maxChars) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1).trimEnd() : last}…`;
  return { lines: kept, truncated: true };
}

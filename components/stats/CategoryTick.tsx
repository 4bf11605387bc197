// A chart axis label that keeps to its place (tick-label.ts) and carries the whole label in
// an SVG <title>, which the browser shows on hover.
import { fitLabel } from "./tick-label";

export const TICK_FONT_SIZE = 12;
/** Line spacing of a wrapped label; a horizontal chart's row (chartHeight) holds two lines. */
export const TICK_LINE_HEIGHT = 13;

export interface CategoryTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  textAnchor?: "start" | "middle" | "end";
  /** How many characters a line holds on this axis. */
  maxChars: number;
  maxLines?: number;
}

export function CategoryTick({ x = 0, y = 0, payload, textAnchor = "end", maxChars, maxLines = 2 }: CategoryTickProps) {
  const full = String(payload?.value ?? "");
  const { lines } = fitLabel(full, maxChars, maxLines);
  const left = Number(x);
  // Beside a horizontal bar the block is centred on the bar; under a column it hangs below.
  const firstDy = textAnchor === "middle" ? TICK_LINE_HEIGHT : 4 - ((lines.length - 1) * TICK_LINE_HEIGHT) / 2;
  return (
    <text x={left} y={Number(y)} textAnchor={textAnchor} fontSize={TICK_FONT_SIZE} fill="#44403c" data-full-label={full}>
      <title>{full}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={left} dy={i === 0 ? firstDy : TICK_LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

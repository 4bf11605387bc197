"use client";
// Charts are drawn in the browser only: the server sends their figures (the table beside each
// chart holds the same numbers, readable without JavaScript), not a server render of every
// chart, which made the statistics page the slowest page of the app (npm run bench).
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { StatsChart as Chart } from "./StatsChart";
import { chartHeight } from "./tables";

const StatsChart = dynamic(() => import("./StatsChart").then((m) => m.StatsChart), {
  ssr: false,
  loading: () => null,
});

export function LazyStatsChart(props: ComponentProps<typeof Chart>) {
  // The chart's box is reserved before it draws, so the page does not jump.
  return (
    <div style={{ minHeight: chartHeight(props.spec, props.rows.length) }}>
      <StatsChart {...props} />
    </div>
  );
}

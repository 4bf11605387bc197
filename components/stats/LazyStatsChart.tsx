"use client";
// Charts are drawn in the browser only: the server sends their figures (the table beside each
// chart holds the same numbers, readable without JavaScript), not a server render of every
// chart, which made the statistics page the slowest page of the app (npm run bench). The
// charting code is loaded after the page, once for all its charts. Not next/dynamic with
// `ssr: false`: that bails out of server rendering by throwing, once per chart per request,
// which cost the page more than the chart's figures.
import { useEffect, useState, type ComponentProps } from "react";
import type { StatsChart as Chart } from "./StatsChart";
import { chartHeight } from "./tables";

let loading: Promise<typeof Chart> | null = null;
const loadChart = () => (loading ??= import("./StatsChart").then((m) => m.StatsChart));

export function LazyStatsChart(props: ComponentProps<typeof Chart>) {
  const [StatsChart, setStatsChart] = useState<typeof Chart | null>(null);
  useEffect(() => {
    let mounted = true;
    loadChart().then((c) => {
      if (mounted) setStatsChart(() => c);
    });
    return () => {
      mounted = false;
    };
  }, []);
  // The chart's box is reserved before it draws, so the page does not jump.
  return <div style={{ minHeight: chartHeight(props.spec, props.rows.length) }}>{StatsChart ? <StatsChart {...props} /> : null}</div>;
}

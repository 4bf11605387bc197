// The benchmark's baseline (npm run bench): the same layout, proxy and rendering as every
// page, and no database work of its own, so that a page's throughput divided by this one's
// shows what its data costs. Hidden unless the server was started with BENCH_PAGES=1.
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

export default async function BareBenchPage() {
  if (process.env.BENCH_PAGES !== "1") notFound();
  const t = await getTranslations("common");
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("appName")}</h1>
      <p>{t("tagline")}</p>
    </div>
  );
}

import { getTranslations } from "next-intl/server";

/** The figures take a moment on a cold cache; the header and a placeholder show at once. */
export default async function StatsLoading() {
  const [t, tc] = await Promise.all([getTranslations("stats"), getTranslations("common")]);
  return (
    <div aria-busy="true">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p role="status" className="text-sm text-stone-600">
        {tc("loading")}
      </p>
      <div className="mt-4 grid gap-4">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-48 animate-pulse rounded-lg bg-stone-100" />
        ))}
      </div>
    </div>
  );
}

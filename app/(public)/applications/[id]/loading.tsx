import { useTranslations } from "next-intl";

// The case page's shape while it loads: header, deadline, sections, timeline.
export default function CaseLoading() {
  const t = useTranslations("common");
  return (
    <div className="animate-pulse space-y-6" aria-busy="true">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className="h-8 w-2/3 rounded bg-stone-200" />
        <div className="h-4 w-1/3 rounded bg-stone-200" />
      </div>
      <div className="h-20 rounded-lg bg-stone-200" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <div className="h-40 rounded-lg bg-stone-200" />
          <div className="h-56 rounded-lg bg-stone-200" />
        </div>
        <div className="h-72 rounded-lg bg-stone-200" />
      </div>
    </div>
  );
}

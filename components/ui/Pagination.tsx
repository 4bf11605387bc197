import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous/next links that keep the current filters in the URL. */
export function Pagination({ page, pageCount, total, params, basePath }: { page: number; pageCount: number; total: number; params: Record<string, string>; basePath: string }) {
  const t = useTranslations("common");
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between text-sm">
      <span>{t("pageOf", { page, pageCount: Math.max(pageCount, 1), total })}</span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={href(page - 1)} rel="prev">← {t("previous")}</Link> : null}
        {page < pageCount ? <Link href={href(page + 1)} rel="next">{t("next")} →</Link> : null}
      </span>
    </nav>
  );
}

import { useLocale, useTranslations } from "next-intl";
import { toDate } from "@/lib/domain/dates";
import { dateFormat } from "@/lib/i18n/formatters";

/** A plain date shown as precisely as it is known: "16 Nov 2020", "Nov 2020", "2020", "date unknown". */
export function DateText({ value, precision = "day" }: { value: string | null | undefined; precision?: string }) {
  const locale = useLocale();
  const t = useTranslations("common");
  if (!value || precision === "unknown") return <span className="text-stone-500">{t("dateUnknown")}</span>;
  const d = toDate(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);
  const known = precision === "year" || precision === "month" ? precision : "day";
  return <time dateTime={value.slice(0, known === "year" ? 4 : known === "month" ? 7 : 10)}>{dateFormat(locale, known).format(d)}</time>;
}

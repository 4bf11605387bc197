import { useFormatter, useTranslations } from "next-intl";
import { toDate } from "@/lib/domain/dates";

/** A plain date shown as precisely as it is known: "16 Nov 2020", "Nov 2020", "2020", "date unknown". */
export function DateText({ value, precision = "day" }: { value: string | null | undefined; precision?: string }) {
  const f = useFormatter();
  const t = useTranslations("common");
  if (!value || precision === "unknown") return <span className="text-stone-500">{t("dateUnknown")}</span>;
  const d = toDate(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);
  const opts =
    precision === "year"
      ? ({ year: "numeric", timeZone: "UTC" } as const)
      : precision === "month"
        ? ({ year: "numeric", month: "long", timeZone: "UTC" } as const)
        : ({ year: "numeric", month: "short", day: "numeric", timeZone: "UTC" } as const);
  return <time dateTime={value.slice(0, precision === "year" ? 4 : precision === "month" ? 7 : 10)}>{f.dateTime(d, opts)}</time>;
}

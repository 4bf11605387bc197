import { useLocale, useTranslations } from "next-intl";
import { toDate } from "@/lib/domain/dates";
import { dateFormat, withFullStop } from "@/lib/i18n/formatters";

/**
 * A plain date shown as precisely as it is known: "16 Nov 2020", "Nov 2020", "2020", "date unknown".
 * `endsSentence` adds the full stop, but not a second one after an abbreviation ("2027 г.").
 */
export function DateText({ value, precision = "day", endsSentence = false }: { value: string | null | undefined; precision?: string; endsSentence?: boolean }) {
  const locale = useLocale();
  const t = useTranslations("common");
  if (!value || precision === "unknown") return <span className="text-stone-500">{endsSentence ? withFullStop(t("dateUnknown")) : t("dateUnknown")}</span>;
  const d = toDate(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);
  const known = precision === "year" || precision === "month" ? precision : "day";
  const text = dateFormat(locale, known).format(d);
  const time = <time dateTime={value.slice(0, known === "year" ? 4 : known === "month" ? 7 : 10)}>{text}</time>;
  return endsSentence && withFullStop(text) !== text ? <>{time}.</> : time;
}

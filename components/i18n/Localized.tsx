// A text of the documented history in the reader's language: our Russian or Kazakh where we
// have it, marked as the tracker's translation; otherwise the record's own words.
import { useLocale, useTranslations } from "next-intl";
import { localizedText } from "@/lib/i18n/localized";

export function TranslatedMark() {
  const t = useTranslations("translations.marker");
  return (
    <span className="ml-1 inline-block rounded bg-stone-100 px-1 align-middle text-[0.7rem] font-normal text-stone-600" title={t("hint")} data-translated="tracker">
      {t("label")}
    </span>
  );
}

export function Localized({ record, field, mark = true }: { record: object | null | undefined; field: string; mark?: boolean }) {
  const locale = useLocale();
  const { text, translated } = localizedText(record, field, locale);
  return (
    <>
      {text}
      {translated && mark ? <TranslatedMark /> : null}
    </>
  );
}

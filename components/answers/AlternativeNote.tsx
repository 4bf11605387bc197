// Constitutional Court resolution No. 61-NP (20 Jan 2025): before refusing because the place
// is booked or because of works, the akimat must offer another place or time.
import { useTranslations } from "next-intl";
import { GROUNDS_REQUIRING_ALTERNATIVE, isOneOf } from "@/lib/domain/vocabulary";

export const RESOLUTION_61NP_DATE = "2025-01-20";

export function needsAlternativeNote(groundCodes: readonly string[], alternativeOffered: boolean, outcomes: readonly string[]): boolean {
  return !alternativeOffered && outcomes.includes("refused") && groundCodes.some((c) => isOneOf(GROUNDS_REQUIRING_ALTERNATIVE, c));
}

export function AlternativeNote({ receivedOn }: { receivedOn?: string | null }) {
  const t = useTranslations("answers.note61np");
  const before = receivedOn ? receivedOn < RESOLUTION_61NP_DATE : false;
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-note="61-np">
      <p className="font-medium">{t("title")}</p>
      <p className="mt-1">{t("text")}</p>
      {before ? <p className="mt-1 text-amber-900">{t("predates")}</p> : null}
    </div>
  );
}

import { useTranslations } from "next-intl";
import { DateText } from "@/components/ui/DateText";
import type { Deadline } from "@/lib/domain/deadlines";

/** The days a working-day count passed over, so the arithmetic can be checked by hand. */
export function SkippedDays({ deadline }: { deadline: Pick<Deadline, "skipped" | "movedFrom"> }) {
  const t = useTranslations("applications.clock");
  if (deadline.skipped.length === 0 && !deadline.movedFrom) return <span>{t("noneSkipped")}</span>;
  return (
    <span>
      {deadline.skipped.length > 0 ? (
        <>
          {t("skipped", { count: deadline.skipped.length })}{" "}
          {deadline.skipped.map((s, i) => (
            <span key={s.date}>
              {i > 0 ? ", " : null}
              <DateText value={s.date} /> ({t(s.why)})
            </span>
          ))}
        </>
      ) : null}
      {deadline.movedFrom ? (
        <>
          {" "}
          {t("movedFrom")} <DateText value={deadline.movedFrom} />
        </>
      ) : null}
    </span>
  );
}

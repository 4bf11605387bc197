// For members: every change to the record — who, when, what, before → after. Personal data
// was redacted before it was logged.
import { useFormatter, useTranslations } from "next-intl";

/** One change-log row as the history shows it (a case's, or the shared reference data's). */
export interface HistoryRow {
  id: string;
  at: Date;
  userName: string;
  /** A change made through a coalition: the member's own group. */
  viaGroupName?: string;
  entity: string;
  action: string;
  before: string;
  after: string;
}

function parse(s: string): Record<string, unknown> {
  if (!s) return {};
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const show = (v: unknown): string => {
  if (v === undefined || v === null || v === "") return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
};

const RECENT = 10;
const HIDDEN = new Set(["id", "applicationId", "answerId", "groupId", "createdById", "version"]);

export function HistoryList({ history, id = "history", title, hint }: { history: readonly HistoryRow[]; id?: string; title?: string; hint?: string }) {
  const t = useTranslations("cases.history");
  const f = useFormatter();
  if (history.length === 0) return null;
  // The newest changes first; a long import history folds away.
  const recent = history.slice(0, RECENT);
  const older = history.slice(RECENT);
  const item = (h: HistoryRow) => {
    const before = parse(h.before);
    const after = parse(h.after);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
    const entity = t.has(`entity.${h.entity}`) ? t(`entity.${h.entity}`) : h.entity;
    return (
      <li key={h.id} className="border-b border-stone-100 pb-2" data-history={h.action}>
        <div>
          <time dateTime={h.at.toISOString()} className="text-stone-600">
            {f.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
          </time>{" "}
          · <span className="font-medium">{h.userName}</span>
          {h.viaGroupName ? <span className="text-stone-600"> ({h.viaGroupName})</span> : null} · {t.has(`action.${h.action}`) ? t(`action.${h.action}`, { entity }) : `${h.action} ${entity}`}
        </div>
        {h.action === "update" && keys.length ? (
          <ul className="mt-1 space-y-0.5 pl-3 text-xs">
            {keys.map((k) => (
              <li key={k} className="break-words">
                <span className="font-mono text-stone-600">{k}</span>: <del className="text-red-800">{show(before[k])}</del> → <ins className="text-green-800 no-underline">{show(after[k])}</ins>
              </li>
            ))}
          </ul>
        ) : null}
      </li>
    );
  };
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {title ?? t("title")}
      </h2>
      <p className="mb-3 text-xs text-stone-600">{hint ?? t("hint")}</p>
      <ol className="space-y-3 text-sm">{recent.map(item)}</ol>
      {older.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-brand-700">{t("showOlder", { count: older.length })}</summary>
          <ol className="mt-3 space-y-3 text-sm">{older.map(item)}</ol>
        </details>
      ) : null}
    </section>
  );
}

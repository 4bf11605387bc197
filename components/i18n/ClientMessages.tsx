// Client components read their strings from the nearest NextIntlClientProvider, and whatever
// a provider holds is serialized into every page it wraps. So the root layout hands the
// browser only the namespaces every page's client components need (CLIENT_BASE), and the
// pages with forms wrap them in this provider with the feature namespaces those forms use.
// Sending the whole catalogue made every page ~50 KB heavier and halved the throughput of
// a bare page (npm run bench).
import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from "next-intl";

/** What the header (language switch, sign-out), error page, buttons and field errors use. */
export const CLIENT_BASE = ["common", "nav", "errors", "translations.marker"] as const;

type Feature = "accounts" | "importer" | "applications" | "answers" | "appeals" | "events" | "incidents" | "settings" | "tokens" | "casefile" | "share" | "auth" | "vocab" | "ocr" | "filings" | "notify" | "steps" | "translations" | "erasure" | "phone" | "passkeys" | "names" | "coalitions" | "comments";
/** A feature's namespace, or a part of it ("applications.list"); a nested provider replaces, not merges. */
export type ClientNamespace = Feature | `${Feature}.${string}`;

/** The named namespaces (dotted paths pick a part) plus CLIENT_BASE, in the catalogue's shape. */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const ns of [...CLIENT_BASE, ...namespaces]) {
    const path = ns.split(".");
    let from: unknown = messages;
    for (const key of path) from = from && typeof from === "object" ? (from as Record<string, unknown>)[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Record<string, unknown>;
    into[path[path.length - 1]] = from;
  }
  return picked;
}

export function ClientMessages({ namespaces, children }: { namespaces: readonly ClientNamespace[]; children: React.ReactNode }) {
  const messages = useMessages() as Record<string, unknown>;
  return (
    <NextIntlClientProvider locale={useLocale()} timeZone={useTimeZone()} messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}

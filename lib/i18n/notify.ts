// The "notify" namespace (messages/<locale>/notify.json) outside React: the worker, the calendar
// feed and the Telegram bot write in the member's language with it.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "./catalogue";
import type { Locale } from "./config";

export type NotifyTranslator = (key: string, values?: Record<string, string | number>) => string;

export function notifyTranslator(locale: Locale): NotifyTranslator {
  return createTranslator({ locale, messages: loadMessages(locale) as Record<string, never>, namespace: "notify" as never }) as unknown as NotifyTranslator;
}

import type { ClientNamespace } from "@/components/i18n/ClientMessages";

/** The strings the filings' client components (editor, "filed on" form, template form) read. */
export const FILING_CLIENT_MESSAGES: readonly ClientNamespace[] = ["filings.editor", "filings.fields", "filings.errors", "filings.saved", "filings.settings"];

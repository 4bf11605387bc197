import { requirePageActor } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/ClientMessages";

/** Every feature's forms live under (app): their client components get these namespaces. */
const FORM_NAMESPACES = [
  "accounts",
  "erasure",
  "passkeys",
  "applications",
  "answers",
  "appeals",
  "events",
  "incidents",
  "settings",
  "tokens",
  "casefile",
  "share",
  "vocab",
  "translations.fields",
  "ocr.reason",
  // The notification settings' forms (components/notify) and the invitation form's "emailed" line:
  // not the digest's or the bot's texts, which only the server writes.
  "notify.messages",
  "notify.calendar",
  "notify.channels",
  "notify.telegram",
  "notify.delivery",
  "notify.invitation.emailed",
  // A new application's or incident's form says how its offline draft stands (components/offline).
  "phone.drafts",
  // Settings → Members: cases other groups share with this one (components/coalitions).
  "coalitions.invitations",
  "coalitions.panel",
  "coalitions.messages",
] as const;

// Everything under (app) is for signed-in members.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor();
  return <ClientMessages namespaces={FORM_NAMESPACES}>{children}</ClientMessages>;
}

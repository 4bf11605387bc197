// Settings → Security → Passkeys: the member's passkeys (name, added, last used), each with
// its remove form, and the form that adds one. Server-rendered; the forms are client parts.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { AddPasskeyForm, RemovePasskeyForm } from "./PasskeyForms";

export interface PasskeyRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function PasskeysCard({ twoFactorOn, passkeys }: { twoFactorOn: boolean; passkeys: PasskeyRow[] }) {
  const [t, format] = await Promise.all([getTranslations("passkeys"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card id="passkeys" title={t("title")}>
      <p className="mb-3 text-sm text-stone-600">{t("explain")}</p>
      {twoFactorOn ? (
        <div className="space-y-4">
          <h3 className="text-sm font-semibold">{t("list")}</h3>
          {passkeys.length === 0 ? (
            <p className="text-sm text-stone-600">{t("none")}</p>
          ) : (
            <ul className="divide-y divide-stone-100" data-testid="passkeys">
              {passkeys.map((p) => (
                <li key={p.id} className="space-y-2 py-3 text-sm" data-testid="passkey">
                  <p>
                    <span className="font-medium">{p.name}</span>{" "}
                    <span className="text-xs text-stone-600">
                      {t("addedOn", { date: when(p.createdAt) })} · {p.lastUsedAt ? t("lastUsed", { date: when(p.lastUsedAt) }) : t("neverUsed")}
                    </span>
                  </p>
                  <RemovePasskeyForm passkeyId={p.id} name={p.name} />
                </li>
              ))}
            </ul>
          )}
          <AddPasskeyForm />
        </div>
      ) : (
        <p className="text-sm">{t("needsTwoFactor")}</p>
      )}
    </Card>
  );
}

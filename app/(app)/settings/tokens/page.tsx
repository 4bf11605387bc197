import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { listApiTokens, parseScopes, tokenExpiry } from "@/lib/data/api-tokens";
import { Badge, Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { CreateTokenForm } from "@/components/settings/tokens/CreateTokenForm";
import { RevokeTokenForm } from "@/components/settings/tokens/RevokeTokenForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/settings/tokens");
  const [tokens, t, ta, format, sp] = await Promise.all([listApiTokens(actor), getTranslations("tokens"), getTranslations("accounts.tokens"), getFormatter(), searchParams]);
  const now = new Date();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {sp.revoked ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("revoked")}
        </p>
      ) : null}
      <div className="grid gap-6">
        <Card id="new-token-card" title={t("newTitle")}>
          <CreateTokenForm />
        </Card>
        <Card id="tokens-list" title={t("listTitle")}>
          {tokens.length === 0 ? (
            <p className="text-sm text-stone-600">{t("none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="w-full text-sm">
                <caption className="sr-only">{t("listTitle")}</caption>
                <thead>
                  <tr className="border-b border-stone-300 text-left">
                    <th scope="col" className="px-2 py-1 font-medium">{t("name")}</th>
                    <th scope="col" className="px-2 py-1 font-medium">{t("createdAt")}</th>
                    <th scope="col" className="px-2 py-1 font-medium">{t("lastUsedAt")}</th>
                    <th scope="col" className="px-2 py-1 font-medium">{t("status")}</th>
                    <th scope="col" className="px-2 py-1 font-medium"><span className="sr-only">{t("actions")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((tok) => (
                    <tr key={tok.id} className="border-b border-stone-100 align-top">
                      <th scope="row" className="px-2 py-2 text-left font-normal">
                        {tok.name}
                        <span className="block text-xs text-stone-600">
                          {ta("scopes", { scopes: parseScopes(tok.scopes).map((x) => ta(`scope_${x}`)).join(", ") })} · {ta("expires", { date: when(tokenExpiry(tok)) })}
                        </span>
                      </th>
                      <td className="px-2 py-2">{when(tok.createdAt)}</td>
                      <td className="px-2 py-2">{when(tok.lastUsedAt)}</td>
                      <td className="px-2 py-2">
                        {tok.revokedAt ? (
                          <Badge tone="stone">{t("revokedOn", { date: when(tok.revokedAt) })}</Badge>
                        ) : tokenExpiry(tok) <= now ? (
                          <Badge tone="stone">{ta("expired")}</Badge>
                        ) : (
                          <Badge tone="green">{t("active")}</Badge>
                        )}
                      </td>
                      <td className="px-2 py-2">{tok.revokedAt ? null : <RevokeTokenForm id={tok.id} name={tok.name} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card id="api-usage" title={t("usageTitle")}>
          <p className="text-sm text-stone-700">{t("usage")}</p>
          <pre className="mt-2 overflow-x-auto rounded bg-stone-100 p-3 text-xs">
            <code>{`curl -H "Authorization: Bearer apt_…" /api/v1/applications?city=Almaty\ncurl /api/v1/stats?yearFrom=2020&form=march`}</code>
          </pre>
          <p className="mt-2 text-sm">
            <a href="/api/v1/openapi.json">{t("openapi")}</a> · <Link href="/settings/export">{t("exportLink")}</Link>
          </p>
        </Card>
      </div>
    </>
  );
}

import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { getSource } from "@/lib/data/sources";
import { isAppError } from "@/lib/errors";
import { SourceDocument } from "@/components/sources/SourceDocument";
import { localized } from "@/lib/i18n/localized";

async function load(slug: string) {
  try {
    return await getSource(await getActor(), slug, (await getLocale()) as Locale);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const [source, locale] = await Promise.all([load((await params).slug), getLocale()]);
  return { title: localized(source, "title", locale) };
}

export default async function SourcePage({ params }: { params: Promise<{ slug: string }> }) {
  const source = await load((await params).slug);
  return <SourceDocument source={source} />;
}

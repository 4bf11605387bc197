import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { pickMessages } from "@/components/i18n/ClientMessages";
import { OfflineBanner } from "@/components/offline/OfflineBanner";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = (await getMessages()) as Record<string, unknown>;
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* Only the strings every page's client components use: see components/i18n/ClientMessages. */}
        <NextIntlClientProvider locale={locale} messages={pickMessages(messages, [])}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          {/* Its own few strings only (a nested provider replaces the outer one's). */}
          <NextIntlClientProvider locale={locale} messages={{ phone: { offline: (messages.phone as Record<string, unknown>).offline } }}>
            <OfflineBanner />
          </NextIntlClientProvider>
          <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

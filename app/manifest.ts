// The web app manifest: the tracker installs on a phone's home screen and opens as an app.
// In the visitor's language (the locale cookie or Accept-Language, as every page).
import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations("common");
  return {
    id: "/",
    name: t("appName"),
    short_name: t("appName").split(" ").slice(0, 2).join(" "),
    description: t("tagline"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#6b1238",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "maskable" },
    ],
  };
}

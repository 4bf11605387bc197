import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // pdfkit reads its font metrics from its own folder at run time.
  serverExternalPackages: ["pdfkit", "better-sqlite3"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
};

export default withNextIntl(nextConfig);

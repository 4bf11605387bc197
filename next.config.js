import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // pdfkit reads its font metrics from its own folder at run time.
  // nodemailer: loaded as is by the in-process worker (instrumentation.ts) and the mail sender.
  serverExternalPackages: ["pdfkit", "better-sqlite3", "nodemailer"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
};

export default withNextIntl(nextConfig);

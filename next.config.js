import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The proxy buffers a request's body for the route behind it; an upload of attached scans
// (POST /files) may be as large as TRACKER_MAX_UPLOAD_REQUEST_MB (lib/files/limits.ts has the
// same rule), so the buffer must hold it or the route would see a cut-off body.
const mb = (v, d) => (Number(v) > 0 ? Number(v) : d);
const uploadRequestBytes = Math.floor(mb(process.env.TRACKER_MAX_UPLOAD_REQUEST_MB, Math.max(100, 4 * mb(process.env.TRACKER_MAX_UPLOAD_MB, 25))) * 1024 * 1024);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/serve.ts (npm start) compresses in front of Next.js, keeping one compressed copy per
  // cached page (lib/http/compressed-copies.ts); a plain `next start` compresses as usual.
  compress: process.env.TRACKER_FRONT_COMPRESSION !== "1",
  // NEXT_DIST_DIR: the browser tests build into .next-e2e (playwright.config.ts), so running them
  // leaves the .next a running `npm start` serves alone.
  distDir: process.env.NEXT_DIST_DIR?.trim() || ".next",
  // pdfkit reads its font metrics from its own folder at run time.
  // nodemailer: loaded as is by the in-process worker (instrumentation.ts) and the mail sender.
  // @aws-sdk/client-s3: loaded only by an s3:// store (lib/storage/s3.ts), not bundled.
  // exceljs: reads uploaded spreadsheets and writes the import template (lib/import).
  // esbuild: bundles the service worker once at build time (app/sw.js/route.ts).
  serverExternalPackages: ["pdfkit", "better-sqlite3", "nodemailer", "@aws-sdk/client-s3", "esbuild", "exceljs"],
  // `npm start` and the browser tests' server build with TRACKER_BUILD_TYPECHECK=0: `npm test`
  // begins with `tsc --noEmit` over everything (so does CI), and Next's own second check would
  // add some 40 s to a fresh clone's first start. A plain `next build` still checks.
  typescript: { ignoreBuildErrors: process.env.TRACKER_BUILD_TYPECHECK === "0" },
  // The proxy sees the request as it came: by default Next.js strips the client router's RSC
  // headers and `_rsc` before the proxy runs, so the page cache (lib/page-cache) took a client
  // navigation, a prefetch or a router.refresh() for a page load and answered it with HTML — and
  // the router then reloaded the whole page (a member's "Attached" notice lost with it).
  skipProxyUrlNormalize: true,
  experimental: { serverActions: { bodySizeLimit: "1mb" }, proxyClientMaxBodySize: uploadRequestBytes + 1024 * 1024 },
};

export default withNextIntl(nextConfig);

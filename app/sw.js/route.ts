// The service worker script, a same-origin file the pages' CSP allows (worker-src 'self'). It is
// bundled from lib/offline/sw.ts (TypeScript, Serwist) with esbuild once, when the app is built:
// Serwist's Next.js plugin hooks webpack, which Next.js 16 no longer builds with by default.
import path from "node:path";

export const dynamic = "force-static";

export async function GET() {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(process.cwd(), "lib", "offline", "sw.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return new Response(result.outputFiles[0].text, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      // A new version is picked up at the next visit.
      "cache-control": "no-cache",
      "x-offline": "never",
    },
  });
}

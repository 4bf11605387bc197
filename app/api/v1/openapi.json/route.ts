// GET /api/v1/openapi.json — the API's description, generated from its zod schemas.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

let cached: { origin: string; body: string } | null = null;

export function GET(req: Request) {
  const origin = new URL(req.url).origin;
  if (cached?.origin !== origin) cached = { origin, body: JSON.stringify(buildOpenApiDocument(origin)) };
  return new Response(cached.body, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}

import { NextResponse } from "next/server";
import { readiness } from "@/lib/data/readiness";

export const dynamic = "force-dynamic";

/** Readiness for a load balancer: 200 once the database is reachable and fully migrated, else 503 with why. */
export async function GET() {
  const r = await readiness();
  return NextResponse.json(r, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

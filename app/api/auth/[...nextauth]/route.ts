import NextAuth from "next-auth";
import { authOptionsFor } from "@/lib/auth/options";
import { isHttps } from "@/lib/security/headers";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options per request: whether its cookies are Secure depends on how the request arrived.
function handler(req: Request, ctx: Context) {
  return NextAuth(req as never, ctx as never, authOptionsFor(isHttps(req.url, req.headers.get("x-forwarded-proto"))));
}
export { handler as GET, handler as POST };

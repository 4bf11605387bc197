import { requirePageActor } from "@/lib/auth/session";

// Everything under (app) is for signed-in members.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor();
  return <>{children}</>;
}

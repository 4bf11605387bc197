// An invitation belongs to the address it was sent to: a signed-in user with another email
// is told so and nothing changes; the invitee joins with their account (email compared
// ignoring case) or creates it, with a password that meets the policy.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, run } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));
// The invitation page translates through next-intl's request config, which only Next.js sets up.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/catalogue");
  const messages = loadMessages("en");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }) };
});

import { db } from "@/lib/db";
import { acceptInvitationAction, inviteMemberAction, joinGroupAction } from "@/lib/actions/invitations";
import { findInvitation } from "@/lib/data/invitations";
import { resetLimits } from "@/lib/rate-limit";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";

let groupId: string;
let admin: Actor;
let invitee: Actor;
let stranger: Actor;

beforeAll(async () => {
  groupId = (await makeGroup("inv", "Invite Group")).id;
  admin = await makeActor("inv-admin", [[groupId, "admin"]]);
  invitee = await makeActor("invitee", [], { email: "invitee@example.test" });
  stranger = await makeActor("stranger", []);
});

beforeEach(async () => {
  session.actor = null;
  await resetLimits();
});

async function invite(email: string): Promise<string> {
  const res = await run(admin, inviteMemberAction, { groupId, email, role: "editor" });
  return String(res.state?.data?.path).split("/").pop()!;
}

describe("an invitation is bound to the invited email", () => {
  it("a signed-in user with another email is refused, and the invitation stays unused", async () => {
    const token = await invite("Invitee@Example.test");
    const res = await run(stranger, joinGroupAction, { token });
    expect(res.redirect).toBeNull();
    expect(res.state).toMatchObject({ ok: false, message: "invitation_other_email" });
    expect(await db.membership.count({ where: { userId: stranger.userId, groupId } })).toBe(0);
    expect(await findInvitation(token)).toMatchObject({ status: "valid" });

    // The invitee (the address typed in another case) joins with it.
    const joined = await run(invitee, joinGroupAction, { token });
    expect(joined.redirect).toBe("/dashboard");
    expect(await db.membership.findFirst({ where: { userId: invitee.userId, groupId } })).toMatchObject({ role: "editor" });
    expect(await findInvitation(token)).toEqual({ status: "used" });
  });

  it("the invitation page tells a signed-in user with another email, and offers no way to join", async () => {
    const token = await invite("someone.else@example.test");
    session.actor = stranger;
    const { default: InvitePage } = await import("@/app/(public)/invite/[token]/page");
    const { NextIntlClientProvider } = await import("next-intl");
    const { loadMessages } = await import("@/lib/i18n/catalogue");
    const page = await InvitePage({ params: Promise.resolve({ token }) });
    const html = renderToStaticMarkup(h(NextIntlClientProvider, { locale: "en", messages: loadMessages("en"), timeZone: "Asia/Almaty", children: page }));
    expect(html).toContain("This invitation is for someone.else@example.test");
    expect(html).toContain(`signed in as ${stranger.email}`);
    expect(html).not.toContain("Join the group");
  });

  it("a newcomer creates the account for the invited address only, with a password that meets the policy", async () => {
    const token = await invite("fresh@example.test");
    const common = await run(null, acceptInvitationAction, { token, name: "Fresh", password: "password1234" });
    expect(common.state).toMatchObject({ ok: false, errors: { password: ["password_too_common"] } });
    const short = await run(null, acceptInvitationAction, { token, name: "Fresh", password: "eleven char" });
    expect(short.state).toMatchObject({ ok: false, errors: { password: ["password_too_short"] } });
    expect(await db.user.count({ where: { email: "fresh@example.test" } })).toBe(0);

    const ok = await run(null, acceptInvitationAction, { token, name: "Fresh", password: "a long uncommon passphrase" });
    expect(ok.redirect).toMatch(/^\/signin/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "fresh@example.test" }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ groupId, role: "editor" }]);
  });
});

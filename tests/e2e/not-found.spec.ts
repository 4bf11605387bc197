import { expect, test, type APIRequestContext } from "@playwright/test";
import { PRIVATE_RECORDS } from "./support/accounts";
import { signIn } from "./support/auth";

// A record that does not exist and another group's private record answer the same: HTTP 404,
// the same page, byte for byte once the per-request nonce and the asked-for id are masked.
async function fetchPage(request: APIRequestContext, path: string, id: string) {
  const res = await request.get(path, { maxRedirects: 0 });
  // The CSP nonce is new on every response and appears in attributes and in the RSC payload.
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
  let body = await res.text();
  if (nonce) body = body.split(nonce).join("NONCE");
  return { status: res.status(), body: body.split(id).join("ID") };
}

const PAIRS = [
  { missing: "/applications/nope", hidden: `/applications/${PRIVATE_RECORDS.application}`, ids: ["nope", PRIVATE_RECORDS.application] },
  { missing: "/incidents/nope", hidden: `/incidents/${PRIVATE_RECORDS.incident}`, ids: ["nope", PRIVATE_RECORDS.incident] },
  { missing: "/sources/nope", hidden: `/sources/${PRIVATE_RECORDS.source}`, ids: ["nope", PRIVATE_RECORDS.source] },
];

test("a missing record and another group's private one both answer 404 with the same bytes", async ({ request }) => {
  for (const p of PAIRS) {
    const missing = await fetchPage(request, p.missing, p.ids[0]);
    const hidden = await fetchPage(request, p.hidden, p.ids[1]);
    expect(missing.status, p.missing).toBe(404);
    expect(hidden.status, p.hidden).toBe(404);
    expect(hidden.body, `${p.hidden} differs from ${p.missing}`).toBe(missing.body);
    expect(hidden.body).not.toContain("another group");
  }
});

test("signed in, the edit pages of a missing or another group's record answer 404 too", async ({ page }) => {
  await signIn(page, "editor");
  const request = page.context().request;
  for (const [missing, hidden, ids] of [
    ["/applications/nope/edit", `/applications/${PRIVATE_RECORDS.application}/edit`, ["nope", PRIVATE_RECORDS.application]],
    ["/incidents/nope/edit", `/incidents/${PRIVATE_RECORDS.incident}/edit`, ["nope", PRIVATE_RECORDS.incident]],
    ["/applications/nope", `/applications/${PRIVATE_RECORDS.application}`, ["nope", PRIVATE_RECORDS.application]],
  ] as const) {
    // A signed-in page streams its payload in the order its data resolves, so two renders of the
    // same page may number and order React's rows differently: the pair is asked again (at most
    // three times) until one render of each is the same; a page that really differs never is.
    let a = await fetchPage(request, missing, ids[0]);
    let b = await fetchPage(request, hidden, ids[1]);
    for (let i = 0; i < 2 && b.body !== a.body; i++) {
      a = await fetchPage(request, missing, ids[0]);
      b = await fetchPage(request, hidden, ids[1]);
    }
    expect(a.status, missing).toBe(404);
    expect(b.status, hidden).toBe(404);
    expect(b.body, `${hidden} differs from ${missing}`).toBe(a.body);
  }
});

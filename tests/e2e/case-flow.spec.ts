import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// One organizer's evening: log the march-and-rally application, record the refusal, file the
// court claim with its hearing and ruling, and read it all back on the case page.

const TITLE = `Women's March ${Date.now()}`;
const REASON = "The route and time are already booked by another organizer; repair and installation works are scheduled.";

/** The case page, whichever section anchor the redirect lands on. */
function onCase(url: string): RegExp {
  return new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(#.*)?$`);
}

async function fillApplication(page: Page) {
  await page.getByLabel("Title").fill(TITLE);
  await page.locator("#city").fill("Almaty");
  await page.locator('[name="filedOn"]').fill("2025-11-03");
  const first = page.locator("fieldset", { has: page.getByText("Form 1", { exact: true }) });
  await first.getByLabel("Form of assembly").selectOption("march");
  await first.getByLabel("Route").fill("From Abay Ave along Dostyk Ave to Republic Square");
  await first.getByLabel("Date of the event").fill("2026-03-08");
  await first.getByLabel("Start time").fill("12:00");
  await first.getByLabel("End time").fill("14:00");
  await page.getByRole("button", { name: "Add another form" }).click();
  const second = page.locator("fieldset", { has: page.getByText("Form 2", { exact: true }) });
  await second.getByLabel("Form of assembly").selectOption("rally");
  await second.getByLabel("Place").fill("Republic Square");
  await second.getByLabel("Date of the event").fill("2026-03-08");
}

test("log an application, record a refusal, appeal it, and read the case page", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/applications/new");
  await fillApplication(page);
  // The form checks the legal minimum as the organizer types.
  await expect(page.getByText("In time").first()).toBeVisible();
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expect(page.getByText("Awaiting answer").first()).toBeVisible();
  const caseUrl = page.url();

  // The authority refuses both forms, citing two grounds.
  await page.getByRole("link", { name: /record the (authority's )?answer/i }).first().click();
  await page.locator('[name="receivedOn"]').fill("2025-11-12");
  for (const fs of await page.locator("fieldset[data-outcome-row]").all()) await fs.getByLabel("Outcome").selectOption("refused");
  await page.getByLabel("The reason, verbatim").fill(REASON);
  await page.getByLabel(/Place already taken by another event/).check();
  await page.getByLabel(/Construction or repair works at the place/).check();
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page).toHaveURL(onCase(caseUrl));
  await expect(page.locator("blockquote", { hasText: REASON })).toBeVisible();
  await expect(page.getByText("Place already taken by another event").first()).toBeVisible();
  await expect(page.getByText("Construction or repair works at the place").first()).toBeVisible();
  // No alternative offered for a booked place: the 61-NP note is shown.
  await expect(page.getByText(/61-NP/).first()).toBeVisible();

  // The court claim, its hearing and its ruling.
  await page.getByRole("link", { name: "File an appeal" }).click();
  await page.getByLabel("Stage").selectOption("first_instance");
  await page.locator('[name="filedOn"]').fill("2025-12-01");
  await page.getByLabel("Or type its name").fill("Specialised Inter-district Administrative Court of Almaty");
  await page.getByLabel("Case number").fill("7599-25-00-4/999");
  await page.getByRole("button", { name: "File this stage" }).click();
  await expect(page).toHaveURL(onCase(caseUrl));
  await expect(page.getByText("Under appeal").first()).toBeVisible();

  await page.getByRole("link", { name: "Add a hearing" }).click();
  await page.locator('[name="heldOn"]').fill("2025-12-15");
  await page.getByLabel("What the authority argued").fill("Letters of concern from a citizen.");
  await page.getByRole("button", { name: "Add the hearing" }).click();
  await expect(page).toHaveURL(onCase(caseUrl));

  await page.getByRole("link", { name: "Record the ruling" }).click();
  await page.locator('[name="decidedOn"]').fill("2025-12-24");
  await page.getByLabel("Outcome").selectOption("upheld");
  await page.getByLabel("Summary").fill("The court upheld the refusal.");
  await page.getByRole("button", { name: "Record the ruling" }).click();
  await expect(page).toHaveURL(onCase(caseUrl));

  // Everything on one page, after a reload (so it is stored, not just shown).
  await page.reload();
  await expect(page.getByText("7599-25-00-4/999")).toBeVisible();
  await expect(page.getByText("Letters of concern from a citizen.")).toBeVisible();
  await expect(page.getByText("Refusal upheld").first()).toBeVisible();
  await expect(page.getByText("Closed").first()).toBeVisible();
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline" }) });
  await expect(timeline.getByText("Filed with the authority")).toBeVisible();
  await expect(timeline.getByText(/Hearing \(Court, first instance\)/)).toBeVisible();
  // The next step's clock: one month to appeal from the ruling, moved past the New Year holidays.
  await expect(page.locator("[data-deadline]")).toHaveAttribute("data-deadline", "2026-01-26");
  // The change history names who did it.
  await expect(page.getByText("Elena Editor").first()).toBeVisible();
});

test("an invalid application shows the errors beside the fields and saves nothing", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/applications");
  const before = await page.getByText(/in all/).first().textContent();
  await page.goto("/applications/new");
  await page.getByLabel("Title").fill("");
  const first = page.locator("fieldset", { has: page.getByText("Form 1", { exact: true }) });
  await first.getByLabel("Form of assembly").selectOption("rally");
  await first.getByLabel("Start time").fill("15:00");
  await first.getByLabel("End time").fill("14:00");
  // Bypass the browser's own required-field check so the server's validation is what answers.
  await page.locator("form").first().evaluate((f) => f.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Nothing was saved");
  await expect(page.locator('[data-field-error="title"]')).toContainText("Required");
  await expect(page.locator('[data-field-error="parts.0.endTime"]')).toContainText("after the start");
  // What was typed is still there.
  await expect(first.getByLabel("Start time")).toHaveValue("15:00");
  await page.goto("/applications");
  await expect(page.getByText(/in all/).first()).toHaveText(before ?? "");
});

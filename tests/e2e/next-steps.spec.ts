import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";
import { ACCOUNTS } from "./support/accounts";

// Who does what next: an editor assigns the next step on a case to a member; that member sees
// it on their own dashboard and marks it done (which leaves the shared viewer account's
// dashboard as it was).

const TITLE = `Picket for the next step ${Date.now()}`;

test("assign the next step to a member, who sees it on their dashboard", async ({ page }) => {
  await signIn(page, "editor");
  const casePath = await logApplication(page, { title: TITLE, form: "picket", place: "Republic Square" });

  const panel = page.locator("section#next-steps");
  await expect(panel.getByRole("heading", { name: "Who does what next" })).toBeVisible();
  await expect(panel.getByText("No next step is assigned yet.")).toBeVisible();
  // Without a running clock the date is needed: the form says so beside the field.
  await panel.getByLabel("What").selectOption("hearing");
  await panel.getByLabel("Who").selectOption({ label: ACCOUNTS.viewer.name });
  await panel.getByRole("button", { name: "Assign" }).click();
  await expect(page.locator("#dueOn-error")).toContainText("Required.");
  await panel.getByLabel("Due on").fill("2099-03-02");
  await panel.getByRole("button", { name: "Assign" }).click();
  await expect(panel.getByRole("status")).toHaveText("The step is assigned.");
  await expect(panel.locator("li[data-step=hearing]")).toContainText(`Attend the hearing · ${ACCOUNTS.viewer.name}`);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, "viewer");
  const mine = page.locator("#my-steps");
  await expect(mine.getByRole("heading", { name: "My next steps" })).toBeVisible();
  const row = mine.locator("li", { hasText: TITLE });
  await expect(row).toContainText("Attend the hearing");
  await expect(row).toContainText("Mar 2, 2099");
  await row.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${casePath}#next-steps$`));

  // The assignee (a viewer) may mark it done, and cannot assign steps.
  await expect(page.locator("form[data-form=assign-step]")).toHaveCount(0);
  const own = page.locator("section#next-steps");
  await own.getByRole("button", { name: "Mark done" }).click();
  await expect(own.getByText("No next step is assigned yet.")).toBeVisible();
  await expect(own.locator("[data-step-done]")).toHaveCount(1);
  await page.goto("/dashboard");
  await expect(page.locator("#my-steps").locator("li", { hasText: TITLE })).toHaveCount(0);
});

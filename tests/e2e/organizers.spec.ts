// Naming another group as co-organizer (issue #11, item 5): the request waits for that group's
// admin, who answers it from Settings → Members.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

test("a co-organizer request is shown nowhere until the named group's admin accepts it", async ({ browser }) => {
  // Three people sign in and two applications are logged: more than the default minute.
  test.setTimeout(180_000);
  // E2E Group publishes a record: only then may other groups see it named, and name it.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor");
  await logApplication(editor, { title: "E2E published picket", form: "picket", place: "Old Square" });
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByText("Published: anyone can read it now.")).toBeVisible();

  // Other Group names E2E Group beside itself.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, "other");
  const casePath = await logApplication(other, { title: "Other's joint rally", form: "rally", place: "Republic Square" }, async () => {
    await other.getByRole("checkbox", { name: "E2E Group" }).check();
  });
  const organizers = other.locator("dt", { hasText: "Organizers" }).locator("xpath=following-sibling::dd[1]");
  await expect(organizers).toHaveText("Other Group");

  // E2E Group's admin answers.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/settings/members");
  const requests = admin.locator("#organizer-requests");
  await expect(requests).toContainText("Other Group names this group as an organizer of “Other's joint rally”");
  await requests.getByRole("button", { name: "Accept" }).click();
  await expect(admin.getByText("Accepted: the group is now shown as an organizer of this record.")).toBeVisible();
  await admin.goto("/settings/members");
  await expect(admin.locator("#organizer-requests")).not.toContainText("Other's joint rally");

  await other.goto(casePath);
  await expect(organizers).toContainText("E2E Group");
  await expect(organizers).toContainText("Other Group");

  for (const c of [editorContext, otherContext, adminContext]) await c.close();
});

// Coalitions (issue #18): Other Group shares its private case with E2E Group; E2E Group's
// members read nothing of it until their admin accepts; then a member reads it and comments.
// The share is revoked at the end, so the shared accounts are left as they were.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { logApplication } from "./support/applications";

const notFound = (page: Page) => expect(page.getByRole("heading", { level: 1, name: "Application not found" })).toBeVisible();

test("a case shared with a co-organizing group: invite → accept → read and comment; revoked, it is gone", async ({ browser }) => {
  // Four people sign in and two applications are logged: more than the default minute.
  test.setTimeout(240_000);
  const title = `Coalition march ${Date.now()}`;

  // E2E Group publishes a record: only then may other groups see it named, and share with it.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor");
  await logApplication(editor, { title: `Coalition picket ${Date.now()}`, form: "picket", place: "Old Square" });
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByText("Published: anyone can read it now.")).toBeVisible();

  // Other Group's admin logs a private case and shares it (read) with E2E Group.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, "other");
  const casePath = await logApplication(other, { title, form: "march", place: "Abay Avenue" });
  const access = other.locator("#case-access");
  await access.getByLabel("Group").selectOption({ label: "E2E Group" });
  await access.getByLabel("Access").selectOption("read");
  await access.getByRole("button", { name: "Save access" }).click();
  await expect(other.getByText("Shared. The group's admin is asked to accept.")).toBeVisible();
  await other.goto(casePath);
  await expect(other.locator("[data-access-group='E2E Group']")).toContainText("waiting for its admin to accept");

  // Before the admin accepts, E2E Group's viewer gets nothing.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer");
  await viewer.goto(casePath);
  await notFound(viewer);

  // E2E Group's admin accepts from Settings → Members.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/settings/members");
  const shared = admin.locator("#shared-cases");
  const row = shared.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("Other Group shares");
  await row.getByRole("button", { name: "Accept" }).click();
  await expect(admin.getByText("Accepted: your group's members now read this case.")).toBeVisible();

  // The viewer reads it now, is told through which group, and comments.
  await viewer.goto(casePath);
  await expect(viewer.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(viewer.getByText("You read this case as a member of E2E Group")).toBeVisible();
  const comments = viewer.locator("#comments");
  await comments.getByLabel("Comment").fill("@Olga Other we can bring the banners.");
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(viewer.getByText("Comment added.")).toBeVisible();
  await expect(comments.locator("[data-comment]")).toContainText("we can bring the banners");
  await expect(comments.locator("[data-comment]")).toContainText("Vera Viewer, E2E Group");

  // Other Group sees the comment; then revokes the share, and the viewer is shut out again.
  await other.goto(casePath);
  await expect(other.locator("#comments [data-comment]")).toContainText("we can bring the banners");
  await other.locator("#case-access").getByLabel("Group").selectOption({ label: "E2E Group (Read)" });
  await other.locator("#case-access").getByLabel("Access").selectOption("none");
  await other.locator("#case-access").getByRole("button", { name: "Save access" }).click();
  await expect(other.getByText("Access revoked: the group no longer reads this case.")).toBeVisible();
  await viewer.goto(casePath);
  await notFound(viewer);

  for (const c of [editorContext, otherContext, viewerContext, adminContext]) await c.close();
});

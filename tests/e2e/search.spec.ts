import { expect, test } from "@playwright/test";
import { PRIVATE_RECORDS } from "./support/accounts";

// The header's search box, on any page, with and without JavaScript: the documented history
// is searchable from the first start (setup indexes it), Russian words in any form.
const REFUSAL_2023 = "/applications/hist-app-2023-03-08-march";

test("a reader types «шествие отказ 2023» in the header and finds the 2023 refusal, the words marked", async ({ page }) => {
  await page.goto("/applications");
  const box = page.getByTestId("header-search");
  await box.locator('input[name="q"]').fill("шествие отказ 2023");
  await box.locator('input[name="q"]').press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByTestId("search-results");
  const hit = results.locator(`a[href^="${REFUSAL_2023}"]`).first();
  await expect(hit).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(new RegExp(REFUSAL_2023));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's form and the page's filters work, and another group's private record is not found", async ({ page }) => {
    await page.goto("/");
    const box = page.getByTestId("header-search");
    await box.locator('input[name="q"]').fill("отказали");
    await box.getByRole("button").click();
    await expect(page).toHaveURL(/\/search\?q=%D0%BE/);
    await expect(page.getByTestId("search-results").locator("li").first()).toBeVisible();

    // Only answers: every result is one.
    await page.locator("#f-kind").selectOption("answer");
    await page.locator("main form[role=search]").getByRole("button").click();
    await expect(page).toHaveURL(/kind=answer/);
    const kinds = await page.getByTestId("search-results").locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["answer"]));

    await page.goto(`/search?q=${encodeURIComponent("Private rally of another group")}`);
    await expect(page.getByTestId("search-results")).toHaveCount(0);
    await expect(page.locator(`a[href="/applications/${PRIVATE_RECORDS.application}"]`)).toHaveCount(0);
  });
});

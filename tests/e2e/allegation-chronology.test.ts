// End to end, in headless Chromium against the production server on this
// test file's own database: a LADO opens the chronology of an allegation with
// records of many kinds, filters it to the police and newest first, prints it
// (the print view opens the browser's print dialogue; printed, the page has
// no navigation) and downloads the whole case file as a PDF from the case's
// header. axe-core (WCAG 2.2 A and AA) on the chronology, filtered or not.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { caseOfEveryKind } from "../case-records";
import { browserSuite, expectAccessible, group, PASSWORD, signIn } from "./referral-pages";

const LADO_EMAIL = "e2e-chronology-lado@example.org";
const TEST_TIMEOUT_MS = 120_000;

const { pages } = browserSuite({ lado: { roles: ["LADO"], email: LADO_EMAIL, name: "Dana Reid" } });

describe("an allegation's chronology", () => {
  it(
    "shows every event in order, filters, prints and downloads the case file",
    async () => {
      const { file } = await caseOfEveryKind();
      const path = `/cases/${file.reference}/chronology`;
      const page = await pages.open();
      // The print view calls the browser's print dialogue: counted here instead of opened.
      await page.addInitScript(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await signIn(page, LADO_EMAIL, PASSWORD, path);
      await page.getByRole("heading", { level: 2, name: "Chronology" }).waitFor();
      const rows = page.locator("tbody tr");
      await expect(rows.count()).resolves.toBe(34);
      await expect(rows.first().textContent()).resolves.toContain("Incident (as referred)");
      await expect(rows.last().textContent()).resolves.toContain("Legal hold placed by Mo Manager");
      await expectAccessible(page, "the chronology");

      // Only the police, newest first.
      await page.getByText("Filter the chronology").click();
      await group(page, "Kinds of event").getByLabel("Police", { exact: true }).check();
      await group(page, "Order").getByLabel("Newest first").check();
      await page.getByRole("button", { name: "Show events" }).click();
      await page.waitForURL(/kind=police/);
      await page.getByRole("table", { name: "5 events, newest first" }).waitFor();
      await expect(rows.first().textContent()).resolves.toContain("Police answered the challenge");
      await expect(rows.last().textContent()).resolves.toContain("Police informed");
      await expectAccessible(page, "the chronology filtered");

      // Each event links to its section.
      await page.getByRole("link", { name: "Police investigation opened" }).click();
      await page.waitForURL(new RegExp(`/cases/${file.reference}/police$`));
      await page.goBack();
      await page.getByRole("table", { name: "5 events, newest first" }).waitFor();

      // Print: the same events, the print dialogue, and on paper no navigation.
      await page.getByRole("link", { name: "Print the chronology" }).click();
      await page.waitForURL(/print=1/);
      await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.getByRole("button", { name: "Print", exact: true }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
      await page.emulateMedia({ media: "print" });
      for (const hidden of [
        page.getByRole("navigation", { name: "Case file" }),
        page.locator(".govuk-header"),
        page.getByText("Filter the chronology"),
      ]) {
        await expect(hidden.isVisible()).resolves.toBe(false);
      }
      await expect(page.getByRole("table", { name: "5 events, newest first" }).isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: "screen" });
      const printed = await db.auditEvent.findMany({ where: { caseId: file.id, action: "case.chronology" }, orderBy: { id: "asc" } });
      expect(printed.map((e) => (e.details as { printed: boolean }).printed)).toContain(true);

      // The whole case file, from the case's header.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download the whole case file (PDF)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^case-file-${file.reference}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
      await expect(db.auditEvent.count({ where: { caseId: file.id, action: "case.file-export" } })).resolves.toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});

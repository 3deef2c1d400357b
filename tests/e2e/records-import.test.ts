// End to end, in headless Chromium against the real production server on this
// test file's own database (issue 16): a manager opens "Records" from the
// navigation, reads the format, is told to choose a file, uploads one, sees
// the dry run, imports it, and the prior-history check of a new contact about
// a person in the file finds the imported record. A large file shows its
// progress while it is checked (the page asks again every second); without
// JavaScript a file with a bad row imports its good rows and offers the bad
// ones to download. axe-core (WCAG 2.2 A and AA) on every new page.
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase } from "../factories";
import { arrive, browserSuite, expectAccessible, field, heading, PASSWORD, signIn } from "./referral-pages";

const MANAGER_EMAIL = "e2e-records-manager@example.org";
const TEST_TIMEOUT_MS = 120_000;

const { pages } = browserSuite({ manager: { roles: ["MANAGER"], email: MANAGER_EMAIL, name: "Morag Ellis" } });

const HEADER =
  "reference,received_at,source,referrer_organisation,referrer_sector,subject_first_name,subject_last_name,subject_date_of_birth,subject_employer,subject_sector,decision,decision_at,harm_categories";
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`);
const uniqueRef = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function managerOn(page: Page, path = "/records") {
  await signIn(page, MANAGER_EMAIL, PASSWORD);
  await page.goto(path);
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await field(page, "Upload a file of records").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await page.waitForURL(/\/records\/imports\/[0-9a-f-]{36}$/);
}

/** Without JavaScript the page does not ask again by itself: its refresh link, until `shown` is there. */
async function refreshUntil(page: Page, shown: Locator) {
  await expect
    .poll(
      async () => {
        if (await shown.count()) return true;
        await page.getByRole("link", { name: "Refresh the progress" }).click();
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

describe("a manager imports past years' records", () => {
  it(
    "uploads a file, sees the dry run, imports it, and prior history finds an imported person",
    async () => {
      const page = await pages.open();
      await signIn(page, MANAGER_EMAIL, PASSWORD);
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Records", exact: true }).click();
      await arrive(page, "Import and export records", "/records");
      await expectAccessible(page, "the records page");

      await page.getByRole("link", { name: "The records format: every column and code" }).click();
      await arrive(page, "The records format", "/records/format");
      await page.getByRole("cell", { name: "front_door" }).waitFor();
      await expectAccessible(page, "the records format");
      await page.getByRole("link", { name: "Back to import and export records" }).click();
      await arrive(page, "Import and export records", "/records");

      // No file chosen: the error summary and the field's message.
      pages.allow400("/records");
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.getByRole("alert").getByText("Select a CSV file to import").waitFor();
      await page.locator("#file-error").getByText("Select a CSV file to import").waitFor();
      await expectAccessible(page, "the records page with an error");

      const [earlier, other] = [uniqueRef("HIST"), uniqueRef("HIST")];
      await upload(
        page,
        "history-2019.csv",
        csv(
          HEADER,
          `${earlier},2019-03-12,phone,Larchfield Academy,secondary_school,Siobhan,Kowalczyk,1979-11-02,Larchfield Academy,secondary_school,allegation,2019-03-13,physical`,
          `${other},2019-06-02,email,,,Tomasz,Nowak,1985-01-20,Bright Stars Nursery,early_years_nursery,advice,2019-06-03,`,
        ),
      );
      await page.getByRole("heading", { level: 2, name: "What the check found" }).waitFor();
      const toAdd = page.locator(".govuk-summary-list__row").filter({ hasText: "New cases to add" });
      expect(await toAdd.locator(".govuk-summary-list__value").textContent()).toBe("2");
      await expectAccessible(page, "the dry run's report");
      expect(await db.case.count({ where: { reference: { in: [earlier, other] } } })).toBe(0);

      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByText("Imported 2 new cases", { exact: true }).waitFor();
      await expectAccessible(page, "the import's result");
      const imported = await db.case.findUniqueOrThrow({ where: { reference: earlier }, include: { importBatch: true } });
      expect(imported.importBatch).toMatchObject({ filename: "history-2019.csv", added: 2 });

      // A new contact about the same person, at the same school: its prior history finds the imported record.
      const school = await db.organisation.findFirstOrThrow({ where: { name: "Larchfield Academy", sector: "SECONDARY_SCHOOL" } });
      const now = await createCase(db, {
        employer: school,
        subject: { firstName: "Siobhan", lastName: "Kowalczyk", dateOfBirth: new Date("1979-11-02") },
      });
      await page.goto(`/cases/${now.reference}/prior-history`);
      await page.getByRole("heading", { level: 2, name: "Prior history", exact: true }).waitFor();
      await page.getByRole("link", { name: earlier }).first().waitFor();
      await expectAccessible(page, "prior history finding an imported person");
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows a large file's progress while it is checked, then its report, without reloading the page",
    async () => {
      const page = await pages.open();
      await managerOn(page);
      const rows = Array.from(
        { length: 40_000 },
        (_, i) => `${uniqueRef("BULK")},2018-0${1 + (i % 9)}-1${i % 10},letter,,,Name${i},Surname${i},,,,,,`,
      );
      await upload(page, "bulk.csv", csv(HEADER, ...rows));
      const progress = page.getByRole("progressbar");
      await progress.waitFor();
      await page.getByRole("term").filter({ hasText: "Rows a second" }).waitFor();
      await expectAccessible(page, "the check's progress");
      // The page asks again by itself until the check is done.
      await page.getByRole("heading", { level: 2, name: "What the check found" }).waitFor({ timeout: 60_000 });
      expect(await progress.count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "without JavaScript, imports the good rows of a file with a bad one and offers the bad rows to download",
    async () => {
      const page = await pages.open({ javaScriptEnabled: false });
      await managerOn(page);
      const [good, bad] = [uniqueRef("GOOD"), uniqueRef("BAD")];
      await upload(
        page,
        "mixed.csv",
        csv(HEADER, `${good},2020-01-10,phone,,,Ada,Lovelace,,,,,,`, `${bad},2020-13-40,phone,,,Bad,Date,,,,,,`),
      );
      await refreshUntil(page, page.getByRole("heading", { level: 2, name: "What the check found" }));
      const problem = page.getByRole("table", { name: "Problems" }).getByRole("row").nth(1);
      expect(await problem.getByRole("cell").first().textContent()).toBe("3");
      expect(await problem.getByRole("cell").nth(1).textContent()).toBe("received_at");
      expect(await page.getByRole("button", { name: "Import", exact: true }).count()).toBe(0);
      // axe runs in the page, which needs JavaScript: the same report in a browser with it.
      const viewer = await pages.open();
      await managerOn(viewer, new URL(page.url()).pathname);
      await viewer.getByRole("table", { name: "Problems" }).waitFor();
      await expectAccessible(viewer, "a dry run with a bad row");

      await page.getByRole("button", { name: "Import the good rows" }).click();
      await heading(page, "mixed.csv").waitFor();
      await refreshUntil(page, page.getByText("Imported 1 new case", { exact: true }));
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download the bad rows (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("mixed.bad.csv");
      expect(await db.case.count({ where: { reference: { in: [good, bad] } } })).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});

// End to end, in headless Chromium against the real production server on this
// test file's own database: on an allegation, a LADO records the employer's
// actions (a suspension first sent without its rationale: refused with the
// answers kept), sees the written confirmation met, records the dismissal;
// then the outcome (first without rationale), sees the prompt to refer to the
// DBS, records the DBS referral (the prompt goes), and sends the outcome
// letter to the employer by post and downloads it. axe-core (WCAG 2.2 A and
// AA) on both sections, with and without errors.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase, createOrganisation } from "../factories";
import { answerSuspension, errorSummary, referToDbs, sectionHeading } from "./allegation-pages";
import { browserSuite, choose, daysAgo, expectAccessible, field, fillDate, group, PASSWORD, signIn } from "./referral-pages";

const LADO_EMAIL = "e2e-outcome-lado@example.org";
const TEST_TIMEOUT_MS = 120_000;

const { pages } = browserSuite({ lado: { roles: ["LADO"], email: LADO_EMAIL, name: "Priya Shah" } });

describe("employer actions, outcome, onward referrals and letters", () => {
  it(
    "takes an allegation from suspension to the outcome letter",
    async () => {
      const school = await createOrganisation(db, {
        name: "Oakfield Primary School",
        sector: "PRIMARY_SCHOOL",
        address: "1 Oak Lane, Barchester",
      });
      const file = await createCase(db, {
        receivedAt: new Date(Date.now() - 12 * 86_400_000),
        decisions: [{ category: "ALLEGATION" }],
        namedProfessional: true,
        subject: { firstName: "Daniel", lastName: "Hartley", jobTitle: "Teaching assistant" },
        employer: school,
      });
      const page = await pages.open();
      pages.allow400(`/cases/${file.reference}/employer`);
      pages.allow400(`/cases/${file.reference}/outcome`);
      await signIn(page, LADO_EMAIL, PASSWORD);

      // The employer's actions.
      await page.goto(`/cases/${file.reference}/employer`);
      await sectionHeading(page, "Employer").waitFor();
      await expectAccessible(page, "the employer section");
      await answerSuspension(page, daysAgo(10));
      await fillDate(page, "Date the suspension was confirmed in writing (optional)", daysAgo(10));
      await choose(page, "Was the person redeployed?", "No");
      await page.getByRole("button", { name: "Save the employer's actions" }).click();

      await errorSummary(page).waitFor();
      await expect.poll(() => errorSummary(page).innerText()).toContain("Enter the rationale for suspension");
      expect(await field(page, "Who agreed the suspension").inputValue()).toBe("Chair of governors");
      await expectAccessible(page, "the employer section with errors");

      await field(page, "Rationale for suspension").fill("Police are investigating; the children cannot be kept safe by supervision.");
      await choose(page, "The employer's final action", "Dismissal");
      await fillDate(page, "Date of the final action", daysAgo(2));
      await page.getByRole("button", { name: "Save the employer's actions" }).click();
      await page.getByText("The employer's actions are saved").waitFor();
      const confirmation = page.locator(".govuk-summary-list__row", { hasText: "Written confirmation" });
      await expect.poll(() => confirmation.innerText()).toMatch(/Met\s+due by/);
      await expectAccessible(page, "the employer section with a suspension recorded");

      // The outcome.
      await page.goto(`/cases/${file.reference}/outcome`);
      await sectionHeading(page, "Outcome").waitFor();
      await expectAccessible(page, "the outcome section");
      await choose(page, "Outcome", "Substantiated");
      await page.getByRole("button", { name: "Save the outcome" }).click();
      await errorSummary(page).waitFor();
      await expect.poll(() => errorSummary(page).innerText()).toContain("Enter the rationale for the outcome");
      expect(await field(group(page, "Outcome"), "Substantiated").isChecked()).toBe(true);
      await expectAccessible(page, "the outcome section with errors");

      await field(page, "Rationale").fill("The child's account was consistent and supported by a witness.");
      await page.getByRole("button", { name: "Save the outcome" }).click();
      await page.getByText("Outcome recorded").waitFor();
      const prompt = page.getByText("Refer to the Disclosure and Barring Service (DBS)");
      await prompt.waitFor();
      await expectAccessible(page, "the outcome section with the DBS prompt");

      await referToDbs(page, "The LADO", "DBS-0042");

      await choose(page, "Send an outcome letter to", "The employer");
      await choose(page, "How to send it", "Post");
      await page.getByRole("button", { name: "Send the letter" }).click();
      await page.getByText("Outcome letter made: print it and post it to the employer").waitFor();
      const link = page.getByRole("link", { name: /^outcome-letter-employer-/ });
      const download = await page.request.get((await link.getAttribute("href"))!);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toContain("application/pdf");
      await expectAccessible(page, "the outcome section with a letter sent");
    },
    TEST_TIMEOUT_MS,
  );
});

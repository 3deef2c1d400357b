// End to end, in headless Chromium against the production server on this
// test file's own database: a LADO opens the police section of an
// allegation whose police have gone quiet (the police-delay flag on the
// header and the section), tries an update with nothing in it, records one,
// challenges the police and records their answer, and records children's
// social care's section 47 enquiry; then, on the telling-people section,
// records that the person was told, after a try with nothing filled in.
// axe-core (WCAG 2.2 A and AA) on each section, with and without errors.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase } from "../factories";
import { button, openDetails as open, savePersonTold, savePoliceUpdate } from "./allegation-pages";
import { browserSuite, choose, daysAgo, expectAccessible, field, fillDate, group, PASSWORD, signIn } from "./referral-pages";

const LADO_EMAIL = "e2e-police-lado@example.org";
const TEST_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

const { pages } = browserSuite({ lado: { roles: ["LADO"], email: LADO_EMAIL, name: "Priya Shah" } });

/** An allegation received 50 days ago whose police have sent nothing for 45 days. */
const quietPolice = () =>
  createCase(db, {
    receivedAt: new Date(Date.now() - 50 * DAY_MS),
    decisions: [{ category: "ALLEGATION" }],
    police: {
      status: "INVESTIGATING",
      informedAt: new Date(Date.now() - 49 * DAY_MS),
      openedAt: new Date(Date.now() - 48 * DAY_MS),
      updates: [{ at: new Date(Date.now() - 45 * DAY_MS), status: "INVESTIGATING" }],
      challenges: [],
    },
  });

describe("an allegation's police and telling people", () => {
  it(
    "shows the police-delay flag, takes an update, a challenge and its answer, and social care's enquiry",
    async () => {
      const file = await quietPolice();
      const path = `/cases/${file.reference}/police`;
      const page = await pages.open();
      pages.allow400(path);
      await signIn(page, LADO_EMAIL, PASSWORD, path);
      await page.getByRole("heading", { level: 2, name: "Police" }).waitFor();
      await expect(page.locator("#police-delay").textContent()).resolves.toMatch(/Police delay: No update from the police since/);
      await expect(page.getByRole("list", { name: "Needs attention" }).textContent()).resolves.toMatch(
        /Police delay: No update from the police since/,
      );
      await expectAccessible(page, "the police section");

      // An update with nothing in it: every problem at once.
      await open(page, "Add an update from the police");
      await fillDate(page, "Date of the update", { day: 0, month: 0, year: 0 });
      await button(page, "Save the update").click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await expect(page.getByRole("link", { name: "Enter what the police said" }).count()).resolves.toBe(1);
      await expectAccessible(page, "the police section with errors");

      await savePoliceUpdate(page, {
        on: daysAgo(1),
        doing: "Released under investigation",
        said: "Interviewed under caution and released under investigation.",
      });
      await expect(page.locator("#police-delay").count()).resolves.toBe(0);
      await expect(page.getByText(/Police delay/).count()).resolves.toBe(0);

      await open(page, "Record a challenge or escalation");
      await fillDate(page, "Date of the challenge or escalation", daysAgo(0));
      await choose(page, "Challenge or escalation", "Escalation");
      await field(page, "Who you asked").fill("DI Ruth Penhaligon");
      await field(page, "What you asked").fill("Asked for a timescale for the device examination.");
      await button(page, "Save the challenge").click();
      await page.getByText("Challenge recorded").waitFor();

      await open(page, "Record the police's answer to a challenge");
      await field(page, "The police's answer").fill("Results expected within six weeks.");
      await fillDate(page, "Date answered", daysAgo(0));
      await button(page, "Save the answer").click();
      await page.getByText("The police's answer is recorded").waitFor();
      await expect(page.getByRole("cell", { name: /Results expected within six weeks/ }).count()).resolves.toBe(1);

      await fillDate(page, "Date referred to children's social care (optional)", daysAgo(40));
      await choose(page, "Did children's social care hold a section 47 enquiry?", "Yes");
      await field(page, "Result (optional)").fill("No further role for children's social care.");
      await button(page, "Save children's social care").click();
      await page.getByText("Children's social care saved").waitFor();
      await expectAccessible(page, "the police section after recording");

      const police = await db.policeInvolvement.findUniqueOrThrow({
        where: { caseId: file.id },
        include: { challenges: true, updates: true },
      });
      expect(police.status).toBe("RELEASED_UNDER_INVESTIGATION");
      expect(police.updates).toHaveLength(2);
      expect(police.challenges[0]).toMatchObject({ kind: "ESCALATION", response: "Results expected within six weeks." });
      expect(await db.section47Enquiry.findUniqueOrThrow({ where: { caseId: file.id } })).toMatchObject({ held: true });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "records telling the person, after a try with nothing filled in",
    async () => {
      const file = await quietPolice();
      const path = `/cases/${file.reference}/informing`;
      const page = await pages.open();
      pages.allow400(path);
      await signIn(page, LADO_EMAIL, PASSWORD, path);
      await page.getByRole("heading", { level: 2, name: "Telling people" }).waitFor();
      await expectAccessible(page, "the telling-people section");

      await page.getByRole("link", { name: "Record the person told of the allegation" }).click();
      const form = page.locator("#SUBJECT_TOLD");
      await button(page, "Save").click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await expect(page.getByRole("link", { name: "Select whether this was done" }).count()).resolves.toBe(1);
      await expectAccessible(page, "the telling-people section with errors");

      await savePersonTold(form, daysAgo(2));
      await expect(group(page, "Was it done?").count()).resolves.toBe(0);
      await expectAccessible(page, "the telling-people section after recording");
      expect(await db.informing.findFirstOrThrow({ where: { caseId: file.id } })).toMatchObject({
        kind: "SUBJECT_TOLD",
        done: true,
        byWhom: "The head teacher",
        policeAgreed: true,
        socialCareAgreed: null,
      });
    },
    TEST_TIMEOUT_MS,
  );
});

// End to end, in headless Chromium against the production server on this
// test file's own database: a LADO opens an allegation's meetings section
// (the evaluation meeting shown as due), tries to schedule a meeting with
// nothing filled in, schedules the evaluation meeting, records it with who
// came, who sent apologies, the decisions and an action, then makes and
// sends the minutes (no Notify key: they wait in the outbox). axe-core
// (WCAG 2.2 A and AA) on the section at each step, with and without errors.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase } from "../factories";
import { button, scheduleEvaluationMeeting } from "./allegation-pages";
import { browserSuite, choose, daysAgo, expectAccessible, field, fillDate, group, PASSWORD, signIn } from "./referral-pages";

const LADO_EMAIL = "e2e-meetings-lado@example.org";
const TEST_TIMEOUT_MS = 120_000;

const { pages } = browserSuite({ lado: { roles: ["LADO"], email: LADO_EMAIL, name: "Priya Shah" } });

describe("an allegation's meetings", () => {
  it(
    "schedule, record and send the minutes",
    async () => {
      const file = await createCase(db, {
        receivedAt: new Date(Date.now() - 10 * 86_400_000),
        decisions: [{ category: "ALLEGATION" }],
        meetings: [],
        actions: [],
      });
      const path = `/cases/${file.reference}/meetings`;
      const page = await pages.open();
      pages.allow400(path);
      await signIn(page, LADO_EMAIL, PASSWORD, path);
      await page.getByRole("heading", { level: 2, name: "Meetings and actions" }).waitFor();
      await expect(page.locator("#next-meeting-due").textContent()).resolves.toMatch(/Overdue\s*Evaluation \(ASV\) meeting due by/);
      await expectAccessible(page, "the meetings section");

      // Nothing filled in: every problem at once, linked from the summary.
      await button(page, "Schedule the meeting").click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await expect(page.getByRole("link", { name: "Select the type of meeting" }).count()).resolves.toBe(1);
      await expectAccessible(page, "the meetings section with errors");

      await scheduleEvaluationMeeting(page, "Priya Shah, LADO");

      await page.getByRole("link", { name: "Record this meeting" }).click();
      await page.getByRole("heading", { name: "Record this meeting" }).waitFor();
      await expectAccessible(page, "the record form");
      const first = group(page, "Attendee 1");
      await field(first, "Name").fill("Priya Shah");
      await field(first, "Agency").fill("LADO service");
      await field(first, "Email address (optional)").fill("priya.shah@example.org");
      await choose(first, "Did they attend?", "Attended");
      await button(page, "Add another attendee").click();
      await group(page, "Attendee 5").waitFor();
      await expect(field(group(page, "Attendee 1"), "Name").inputValue()).resolves.toBe("Priya Shah");
      const second = group(page, "Attendee 2");
      await field(second, "Name").fill("DC Ruth Lane");
      await field(second, "Agency").fill("Barsetshire Police");
      await choose(second, "Did they attend?", "Sent apologies");
      await field(page, "Information shared").fill("The head summarised the concern.");
      await field(page, "Decisions").fill("Harm threshold confirmed.");
      const action = group(page, "Action 1");
      await field(action, "Action").fill("Confirm the suspension in writing");
      await field(action, "Owner").fill("Tom Okafor");
      await field(action, "Owner's agency").fill("St Mary's Primary School");
      await fillDate(action, "Due by", daysAgo(-3));
      await button(page, "Save the record").click();
      await page.getByText("Meeting recorded").waitFor();
      await expect(page.getByRole("rowheader", { name: "Confirm the suspension in writing" }).count()).resolves.toBe(1);

      await button(page, "Make and send the minutes").click();
      await page.getByText("Minutes made and emailed to 1 attendee").waitFor();
      await expect(page.getByRole("link", { name: new RegExp(`^minutes-evaluation-${file.reference}`) }).count()).resolves.toBe(1);
      await expectAccessible(page, "the meetings section with a held meeting and its minutes");
      const meeting = await db.meeting.findFirstOrThrow({ where: { caseId: file.id } });
      expect(meeting.minutesId).not.toBeNull();
      expect(await db.outboundMessage.count({ where: { caseId: file.id, template: "meeting-minutes", status: "OUTBOX" } })).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});

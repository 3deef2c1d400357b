// End to end, in headless Chromium against the real production server on this
// test file's own database: the staff pages triage added, used as staff use
// them, with axe-core (WCAG 2.2 A and AA) on each, with and without errors:
// a LADO takes a contact from the triage queue and records the initial
// consideration and first decision in one form; a manager allocates a
// contact; a LADO links two contacts about one matter; an auditor lands on
// the audits they are named in; the prior-history section of a repeat subject.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase, createOrganisation } from "../factories";
import { immediateActionLabels } from "~/triage/labels";
import { browserSuite, choose, expectAccessible, field, group, heading, PASSWORD, signIn } from "./referral-pages";

const LADO = { email: "e2e-triage-lado@example.org", name: "Tomasz Nowak" };
const OTHER_LADO = { email: "e2e-triage-lado-2@example.org", name: "Aisha Bello" };
const MANAGER = { email: "e2e-triage-manager@example.org", name: "Ruth Mensah" };
const AUDITOR = { email: "e2e-triage-auditor@example.org", name: "Colin Pryce" };
const TEST_TIMEOUT_MS = 60_000;
const IMMEDIATE_NONE = immediateActionLabels.NONE;

const { pages } = browserSuite({
  lado: { roles: ["LADO"], ...LADO },
  otherLado: { roles: ["LADO"], ...OTHER_LADO },
  manager: { roles: ["MANAGER"], ...MANAGER },
  auditor: { roles: ["AUDITOR"], ...AUDITOR },
});

describe("triage in a browser", () => {
  it(
    "a LADO takes a contact from the queue, then records the initial consideration and an allegation in one form",
    async () => {
      const contact = await createCase(db, { receivedAt: new Date(Date.now() - 60 * 60_000), reportedHarmCategories: ["PHYSICAL"] });
      const page = await pages.open();
      await signIn(page, LADO.email, PASSWORD, "/triage");
      expect(new URL(page.url()).pathname).toBe("/triage");
      await page.getByRole("button", { name: `Take ${contact.reference}` }).click();
      await page.getByText(`You have taken ${contact.reference}`).waitFor();
      expect((await db.case.findUniqueOrThrow({ where: { id: contact.id } })).allocatedToId).not.toBeNull();
      await expectAccessible(page, "the triage queue with a contact taken");

      await page.goto(`/cases/${contact.reference}/decisions`);
      await page.getByRole("heading", { level: 2, name: "Decisions", exact: true }).waitFor();
      await expectAccessible(page, "the first-decision form");
      // Sent with nothing chosen: the errors, and the page still passes axe.
      pages.allow400(`/cases/${contact.reference}/decisions`);
      await page.getByRole("button", { name: "Save consideration and decision" }).click();
      await page.getByRole("alert").getByText("There is a problem").waitFor();
      await expectAccessible(page, "the first-decision form with errors");

      await choose(page, "Have you seen the prior history of this person and setting?", "Yes");
      await group(page, "Immediate action").getByLabel(IMMEDIATE_NONE, { exact: true }).check();
      await choose(page, "Threshold decision", "Allegation against staff or volunteer");
      await group(page, "Harm-threshold criteria met")
        .getByLabel("Behaved in a way that has harmed, or may have harmed, a child", { exact: true })
        .check();
      await field(page, "Rationale").fill("A pupil's bruised arm and two witnesses: the harm threshold is met.");
      await page.getByRole("button", { name: "Save consideration and decision" }).click();
      await page.getByText("Next: the allegation process").waitFor();
      await expectAccessible(page, "the decisions section after an allegation");
      const saved = await db.case.findUniqueOrThrow({ where: { id: contact.id }, include: { decisions: true } });
      expect(saved.initialConsideredAt).not.toBeNull();
      expect(saved.decisions.map((d) => [d.revision, d.category])).toEqual([[1, "ALLEGATION"]]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a manager allocates a contact to a LADO from the queue, after a try with nobody chosen",
    async () => {
      const contact = await createCase(db, { receivedAt: new Date(Date.now() - 30 * 60_000) });
      const page = await pages.open();
      await signIn(page, MANAGER.email, PASSWORD);
      await page.goto(`/cases/${contact.reference}/allocate?from=triage`);
      await heading(page, "Allocate this contact").waitFor();
      await expectAccessible(page, "the allocate page");
      await field(page, "LADO").selectOption({ label: OTHER_LADO.name });
      await page.getByRole("button", { name: "Allocate" }).click();
      await page.waitForURL("**/triage");
      await expectAccessible(page, "the triage queue after allocating");
      const allocated = await db.case.findUniqueOrThrow({ where: { id: contact.id }, include: { allocatedTo: true } });
      expect(allocated.allocatedTo?.name).toBe(OTHER_LADO.name);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a LADO links a second referral to the first about the same matter; an unknown reference is an error that keeps the note",
    async () => {
      const first = await createCase(db, { receivedAt: new Date(Date.now() - 3 * 86_400_000) });
      const second = await createCase(db, { receivedAt: new Date(Date.now() - 86_400_000) });
      const page = await pages.open();
      await signIn(page, LADO.email, PASSWORD);
      await page.goto(`/cases/${second.reference}/link`);
      await heading(page, "Linked contacts").waitFor();
      await expectAccessible(page, "the link page");
      pages.allow400(`/cases/${second.reference}/link`);
      await field(page, "Reference of the other contact").fill("LADO-1999-99999");
      await choose(page, "Why are they about the same matter?", "Second referrer");
      await field(page, "Note (optional)").fill("The head and a parent both called.");
      await page.getByRole("button", { name: "Link contacts" }).click();
      await page.getByRole("alert").getByText("There is no contact").waitFor();
      expect(await field(page, "Note (optional)").inputValue()).toBe("The head and a parent both called.");
      await expectAccessible(page, "the link page with an error");

      await field(page, "Reference of the other contact").fill(first.reference);
      await page.getByRole("button", { name: "Link contacts" }).click();
      await page.getByText(`Same matter as ${first.reference}`).first().waitFor();
      expect(await db.caseLink.findUnique({ where: { caseId: second.id } })).toMatchObject({ sameMatterAsId: first.id });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "an auditor lands on the audits they are named in, and a LADO sees a repeat subject's earlier record in prior history",
    async () => {
      const auditor = await pages.open();
      await signIn(auditor, AUDITOR.email, PASSWORD);
      expect(new URL(auditor.url()).pathname).toBe("/audits");
      await heading(auditor, "Your case-file audits").waitFor();
      await expectAccessible(auditor, "the auditor's home");

      const school = await createOrganisation(db, { name: "Larchfield Academy", sector: "SECONDARY_SCHOOL" });
      const person = { firstName: "Siobhan", lastName: "O'Connell", dateOfBirth: new Date("1979-11-02") };
      const earlier = await createCase(db, { receivedAt: new Date("2024-05-14T09:00:00Z"), employer: school, subject: person });
      const now = await createCase(db, { employer: school, subject: { ...person, lastName: "OConnell" } });
      const page = await pages.open();
      await signIn(page, LADO.email, PASSWORD);
      await page.goto(`/cases/${now.reference}/prior-history`);
      await page.getByRole("heading", { level: 2, name: "Prior history", exact: true }).waitFor();
      await page.getByRole("link", { name: earlier.reference }).first().waitFor();
      await expectAccessible(page, "the prior-history section with a candidate");
    },
    TEST_TIMEOUT_MS,
  );
});

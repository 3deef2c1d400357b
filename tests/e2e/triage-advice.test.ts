// End to end, in headless Chromium against the real production server on this
// test file's own database: a parent asks the LADO about a swimming coach
// through the public form; a LADO records the initial consideration and an
// advice decision, records the advice (after a try with nothing in it), and
// sends the follow-up letter by email (with no Notify key it waits in the
// outbox, with the letter attached); a manager finds the record in the advice
// tracker, filters to it, checks a bad filter is an error, and exports it as
// CSV. axe-core (WCAG 2.2 A and AA) on every new page, with and without errors.
//
// Referrals sent by this file: one (from 127.0.0.1), under the limit of 10 an hour.
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { readDocument } from "~/documents/storage.server";
import {
  answerScreener,
  answerWhoYouAre,
  arrive,
  browserSuite,
  choose,
  continueToCheck,
  daysAgo,
  declareAndSend,
  expectAccessible,
  field,
  fillDate,
  group,
  heading,
  PARENT,
  PASSWORD,
  signIn,
  startReferral,
  valueOf,
} from "./referral-pages";

const LADO_EMAIL = "e2e-advice-lado@example.org";
const MANAGER_EMAIL = "e2e-advice-manager@example.org";
const TEST_TIMEOUT_MS = 120_000;

// The server reads its uploads where this test file's do, so the test can read the stored letter.
const { pages } = browserSuite({
  lado: { roles: ["LADO"], email: LADO_EMAIL, name: "Priya Shah" },
  manager: { roles: ["MANAGER"], email: MANAGER_EMAIL },
});

const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();

const parent = { name: "Grace Adeyemi", email: "grace.adeyemi@example.com" };
const ADVICE =
  "Speak to the club's welfare officer about the coach's shouting at training, ask the club to remind him of its code of conduct, and keep a note of what was agreed.";
const ACTIONS = "Tell the welfare officer this week and let the LADO know if anything else happens.";

/** A parent's referral through the public form, as short as the form allows; answers its reference. */
async function parentAsksForAdvice(page: Page) {
  await startReferral(page);
  await answerScreener(page, { conduct: "Not sure" });
  await answerWhoYouAre(page, PARENT);
  await field(page, "Your full name").fill(parent.name);
  await field(page, "Email address").fill(parent.email);
  await saveAndContinue(page);
  await arrive(page, "The person the concern is about", "/refer/person");
  await choose(page, "Can you tell us the person's name?", "Yes");
  await field(page, "First name").fill("Dean");
  await field(page, "Last name").fill("Marsh");
  await field(page, "Job title or role").fill("Swimming coach");
  await field(page, "Which is closest to their role?").selectOption({ label: "Coach or instructor" });
  await field(page, "Where they work or volunteer").fill("Riverside Swimming Club");
  await field(page, "Type of setting").selectOption({ label: "Sports and leisure" });
  await field(page, "Which local authority area is the setting in?").fill("Lewisham");
  await saveAndContinue(page);
  await arrive(page, "The child or children", "/refer/children");
  const child = group(page, "Child 1");
  await field(child, "Their age at the time").fill("10");
  await choose(child, "Sex", "Male");
  await field(child, "Where they know the person from").fill("Squad training");
  await saveAndContinue(page);
  await arrive(page, "What happened", "/refer/what-happened");
  await field(group(page, "What kind of concern is it?"), "Emotional").check();
  await choose(page, "Did it happen online?", "No");
  await choose(page, "Did it happen during physical intervention or restraint?", "No");
  await fillDate(page, "When did it happen?", daysAgo(5));
  await choose(page, "Has it happened more than once?", "No");
  await field(page, "Tell us what happened, in your own words").fill(
    "The coach shouted at my son and the other boys during training and called them lazy. I am not sure whether this is something for the LADO.",
  );
  await choose(page, "Who raised the concern?", "The child");
  await saveAndContinue(page);
  await arrive(page, "What has been done so far", "/refer/actions");
  await choose(page, "Have the police been told?", "No");
  await choose(page, "Has children's social care been told?", "No");
  await choose(page, "Have the child's parents or carers been told?", "Yes");
  await choose(page, "Does the person know about the concern?", "Not known");
  await saveAndContinue(page);
  await arrive(page, "Documents (optional)", "/refer/attachments");
  await continueToCheck(page);
  return declareAndSend(page);
}

const caseNavigation = (page: Page, title: string) =>
  page.getByRole("navigation", { name: "Case file" }).getByRole("link", { name: title, exact: true });

/** A part of a case file section: a region named by its heading. */
const part = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

describe("a consultation, from the public form to the advice tracker", () => {
  it(
    "a LADO decides advice, records it and sends the letter; a manager finds it in the tracker and exports it",
    async () => {
      const reference = await parentAsksForAdvice(await pages.open());
      const file = await db.case.findUniqueOrThrow({ where: { reference }, select: { id: true } });

      // The initial consideration and the decision, at one sitting.
      const lado = await pages.open();
      await signIn(lado, LADO_EMAIL, PASSWORD);
      await lado.goto(`/cases/${reference}/decisions`);
      await heading(lado, new RegExp(reference)).waitFor();
      await choose(lado, "Have you seen the prior history of this person and setting?", "Yes");
      await field(group(lado, "Immediate action"), "No immediate action").check();
      await choose(lado, "Threshold decision", "Advice and guidance");
      await field(lado, "Rationale").fill("Poor practice at training, below the harm threshold: advice to the parent and the club.");
      const save = lado.getByRole("button", { name: "Save consideration and decision" });
      await save.click();
      // Saved: the form gives way to the record (or the decision leads to the advice section).
      await save.waitFor({ state: "detached" });

      // The advice section: who asked, then the advice (an empty try first).
      if (new URL(lado.url()).pathname !== `/cases/${reference}/advice`) await caseNavigation(lado, "Advice").click();
      await lado.getByRole("heading", { level: 2, name: "Advice", exact: true }).waitFor();
      expect(new URL(lado.url()).pathname).toBe(`/cases/${reference}/advice`);
      const asked = part(lado, "Who asked");
      expect(await valueOf(asked, "Who they are").innerText()).toBe(PARENT);
      expect(await valueOf(asked, "Name").innerText()).toBe(parent.name);
      expect(await valueOf(asked, "Email").innerText()).toBe(parent.email);
      expect(await valueOf(asked, "Named professional").innerText()).toBe("Yes");
      expect(await valueOf(asked, "Current decision").innerText()).toBe("Advice and guidance");
      await expectAccessible(lado, "the advice section before the advice is recorded");

      pages.allow400(`/cases/${reference}/advice`);
      await field(lado, "Details of where it was redirected (optional)").fill("kept when the form comes back");
      await lado.getByRole("button", { name: "Save advice" }).click();
      const summary = lado.locator(".govuk-error-summary");
      await summary.getByRole("link", { name: "Enter the advice given" }).waitFor();
      await summary.getByRole("link", { name: "Select where the matter was redirected, or None" }).waitFor();
      expect(await field(lado, "Details of where it was redirected (optional)").inputValue()).toBe("kept when the form comes back");
      await expectAccessible(lado, "the advice section with errors");

      await field(lado, "Advice given").fill(ADVICE);
      await field(lado, "What the referrer was asked to do (optional)").fill(ACTIONS);
      await field(lado, "Details of where it was redirected (optional)").fill("");
      await choose(lado, "Where was the matter redirected?", "None");
      await lado.getByRole("button", { name: "Save advice" }).click();
      await lado.getByText("Advice saved").waitFor();
      expect(await valueOf(part(lado, "Advice given"), "Advice").innerText()).toBe(ADVICE);
      expect(await valueOf(part(lado, "Advice given"), "Redirected to").innerText()).toBe("None");

      // The letter, by email: made, kept, and waiting in the outbox with the letter (no Notify key here).
      await choose(lado, "Send the letter", "Email");
      await lado.getByRole("button", { name: "Send the letter" }).click();
      await lado.getByText("Follow-up letter made and emailed to the referrer").waitFor();
      const record = await db.adviceRecord.findUniqueOrThrow({ where: { caseId: file.id }, include: { followUpLetter: true } });
      expect(record).toMatchObject({ followUpMethod: "EMAIL", redirectedTo: "NONE", referrerActions: ACTIONS });
      const letter = record.followUpLetter!;
      const sent = part(lado, "Follow-up letter");
      expect(await valueOf(sent, "SHA-256").innerText()).toBe(letter.sha256);
      expect(await valueOf(sent, "Sent").innerText()).toContain("by email, by Priya Shah");
      expect(await valueOf(sent, "Email").innerText()).toBe(`Outbox, to ${parent.email}`);
      await lado.getByRole("link", { name: letter.filename }).waitFor();
      const stored = (await readDocument(letter.storageKey))!;
      expect(createHash("sha256").update(stored).digest("hex")).toBe(letter.sha256);
      const downloaded = await lado.request.get(`/documents/${letter.id}`);
      expect(
        createHash("sha256")
          .update(await downloaded.body())
          .digest("hex"),
      ).toBe(letter.sha256);
      expect(await db.outboundMessage.findFirstOrThrow({ where: { documentId: letter.id } })).toMatchObject({
        status: "OUTBOX",
        toAddress: parent.email,
      });
      await expectAccessible(lado, "the advice section with the advice and the letter");

      // A manager: the tracker lists it, filtered to parents' consultations; a bad filter is an error on the page.
      const manager = await pages.open();
      await signIn(manager, MANAGER_EMAIL, PASSWORD);
      await manager.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Advice", exact: true }).click();
      await arrive(manager, "Advice tracker", "/advice");
      await expectAccessible(manager, "the advice tracker");
      const row = manager.getByRole("row").filter({ has: manager.getByRole("link", { name: reference, exact: true }) });
      await row.getByText(PARENT).waitFor();
      await field(manager, "Who asked").selectOption({ label: PARENT });
      await field(manager, "Named professional").selectOption({ label: "A professional was named" });
      await manager.getByRole("button", { name: "Apply filters" }).click();
      await manager.waitForURL((url) => url.searchParams.get("referrerType") === "PARENT_CARER");
      await row.waitFor();
      expect(await valueOf(manager, "Advice records").innerText()).toBe("1");
      expect(await valueOf(manager, "Follow-up letters sent").innerText()).toBe("1");
      await expectAccessible(manager, "the advice tracker, filtered");

      const csvLink = manager.getByRole("link", { name: "Download this record as a spreadsheet (CSV)" });
      const csv = await manager.request.get((await csvLink.getAttribute("href"))!);
      expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      const body = await csv.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString("utf8").slice(1).split("\r\n");
      expect(lines[1]).toMatch(
        new RegExp(`^${reference},\\d{4}-\\d{2}-\\d{2},A parent or carer,,Yes,Sports and leisure,Advice and guidance,`),
      );

      pages.allow400("/advice");
      await manager.goto("/advice?sector=MOON&page=0");
      await manager.locator(".govuk-error-summary").getByRole("link", { name: "Choose a sector from the list" }).waitFor();
      await expectAccessible(manager, "the advice tracker with bad filters");
    },
    TEST_TIMEOUT_MS,
  );
});

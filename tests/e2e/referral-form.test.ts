// End to end, in headless Chromium against the real production server (build/
// served by server/index.ts) on this test file's own database: the public
// referral form as a school's safeguarding lead (an employer) uses it, with
// JavaScript, without it, and with the keyboard only; its error summary; then
// a LADO finds the referral in the triage queue and opens it. Every page is
// checked with axe-core (WCAG 2.2 A and AA) and for console errors and CSP
// violations. A parent's referral, deleting answers, the privacy notice and
// the admin's bank holidays are in intake.test.ts.
//
// Referrals sent by this file: two (all from 127.0.0.1), under the default
// limit of 10 an hour per address.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { minimalPdf } from "../fixtures/files";
import {
  answerScreener,
  answerShown,
  answerWhoYouAre,
  arrive,
  browserSuite,
  CHECK_TITLE,
  choose,
  continueToCheck,
  daysAgo,
  declareAndSend,
  EMPLOYER,
  expectAccessible,
  field,
  fillDate,
  group,
  heading,
  inWords,
  isFocused,
  PASSWORD,
  signIn,
  START_TITLE,
  startReferral,
  WHO_YOU_ARE,
} from "./referral-pages";

const EMAIL = "e2e-referrals-lado@example.org";
const PDF_NAME = "notes-of-what-was-said.pdf";
// A whole referral with axe scans takes about 11 s alone, more when test files run in parallel.
const TEST_TIMEOUT_MS = 90_000;

let pdfPath: string;
let tempDir: string | undefined;
const { pages } = browserSuite({ lado: { roles: ["LADO"], email: EMAIL } });

beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "lado-e2e-referral-"));
  pdfPath = path.join(tempDir, PDF_NAME);
  fs.writeFileSync(pdfPath, minimalPdf("Notes of what was said"));
});

afterAll(() => {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- an employer's answers, by label

const SENIOR_MANAGER = "Does your organisation's most senior manager know about this concern?";
const FOUND_OUT = daysAgo(9);

async function answerAboutYou(page: Page, name: string) {
  await field(page, "Your full name").fill(name);
  await field(page, "Your role").fill("Designated safeguarding lead");
  await field(page, "Your organisation").fill("Riverside Primary School");
  await field(page, "Type of organisation").selectOption({ label: "Primary school" });
  await field(page, "Telephone number").fill("020 7946 0321");
  await field(page, "Email address").fill("g.okafor@riverside.example.org");
  await choose(page, SENIOR_MANAGER, "Yes");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await arrive(page, "The person the concern is about", "/refer/person");
}

async function answerPerson(page: Page, lastName: string) {
  await choose(page, "Can you tell us the person's name?", "Yes");
  await field(page, "First name").fill("Daniel");
  await field(page, "Last name").fill(lastName);
  await fillDate(page, "Date of birth (optional)", { day: 14, month: 2, year: 1988 });
  await field(page, "Job title or role").fill("Teaching assistant");
  await field(page, "Which is closest to their role?").selectOption({ label: "Teaching assistant" });
  await field(page, "Where they work or volunteer").fill("Riverside Primary School");
  await field(page, "Type of setting").selectOption({ label: "Primary school" });
  await field(page, "Which local authority area is the setting in?").fill("Lambeth");
  await field(page, "How they are employed (optional)").selectOption({ label: "Permanent" });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await arrive(page, "The child or children", "/refer/children");
}

async function answerChild(page: Page, n: number, age: string, sex: string, setting: string) {
  const child = group(page, `Child ${n}`);
  await field(child, "Their age at the time").fill(age);
  await choose(child, "Sex", sex);
  await field(child, "Where they know the person from").fill(setting);
}

async function answerChildren(page: Page, scan = false) {
  await answerChild(page, 1, "9", "Female", "Year 4 at the school");
  await page.getByRole("button", { name: "Add another child" }).click();
  await group(page, "Child 2").waitFor();
  // The first child's answers were saved and are shown again.
  expect(await field(group(page, "Child 1"), "Their age at the time").inputValue()).toBe("9");
  expect(await field(group(page, "Child 1"), "Where they know the person from").inputValue()).toBe("Year 4 at the school");
  if (scan) await expectAccessible(page, "the children page with two children");
  await answerChild(page, 2, "10", "Male", "Year 5 at the school");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await arrive(page, "What happened", "/refer/what-happened");
}

async function answerWhatHappened(page: Page, summary: string) {
  const kinds = group(page, "What kind of concern is it?");
  await field(kinds, "Physical").check();
  await field(kinds, "Emotional").check();
  await choose(page, "Did it happen online?", "No");
  await choose(page, "Did it happen during physical intervention or restraint?", "No");
  await fillDate(page, "When did it happen?", daysAgo(10));
  await choose(page, "Has it happened more than once?", "No");
  // Asked of the employer only, and required: it starts the statutory clock.
  await fillDate(page, "When did your organisation find out?", FOUND_OUT);
  await field(page, "Where did it happen? (optional)").fill("The corridor by the hall");
  await field(page, "Tell us what happened, in your own words").fill(summary);
  await choose(page, "Who raised the concern?", "The child");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await arrive(page, "What has been done so far", "/refer/actions");
}

async function answerActions(page: Page) {
  await choose(page, "Have the police been told?", "No");
  await choose(page, "Has children's social care been told?", "No");
  await choose(page, "Have the child's parents or carers been told?", "Yes");
  await choose(page, "Does the person know about the concern?", "Not known");
  await choose(page, "Has the person been suspended, or moved away from children?", "No");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await arrive(page, "Documents (optional)", "/refer/attachments");
}

async function attachPdf(page: Page) {
  await field(page, "Upload files").setInputFiles(pdfPath);
  await page.getByRole("button", { name: "Attach files" }).click();
  // The page comes back listing the file, with a way to remove it.
  await page.getByRole("button", { name: `Remove ${PDF_NAME}` }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/refer/attachments");
}

async function signInAsLado(page: Page) {
  await signIn(page, EMAIL, PASSWORD);
  // A LADO's home is "My work" (app/auth/home.ts).
  await arrive(page, "My work", "/my-work");
}

// ---------------------------------------------------------------- keyboard only

/** Presses Tab (or Shift+Tab) until the element has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  if (await isFocused(target)) return;
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id} ${el.textContent?.trim().slice(0, 40) ?? ""}` : "nothing";
  });
  throw new Error(`Pressing Tab ${max} times never reached ${what}; focus is on ${focused}`);
}

// ---------------------------------------------------------------- the tests

describe("the public referral form, end to end", () => {
  it(
    "an employer completes every page with JavaScript on (two children, a document, one change), then a LADO finds it in triage; every page passes axe",
    async () => {
      const page = await pages.open();
      const lastName = "Hughes-Ellison";
      const summary = "A pupil said the teaching assistant grabbed her arm hard in the corridor and shouted at her. Another child saw it.";

      await startReferral(page, true);
      await answerScreener(page);
      await answerWhoYouAre(page, EMPLOYER, true);
      await expectAccessible(page, "the About you page");
      await answerAboutYou(page, "Grace Okafor");
      await expectAccessible(page, "the person page");
      await answerPerson(page, lastName);
      await expectAccessible(page, "the children page");
      await answerChildren(page, true);
      await expectAccessible(page, "the what happened page");
      await answerWhatHappened(page, summary);
      await expectAccessible(page, "the actions page");
      await answerActions(page);
      await expectAccessible(page, "the documents page");
      await attachPdf(page);
      await expectAccessible(page, "the documents page with a file attached");
      await continueToCheck(page);
      await expectAccessible(page, "the check your answers page");

      // What was typed is read back, in words.
      expect(await answerShown(page, "You are").textContent()).toBe(EMPLOYER);
      expect(await answerShown(page, "Name").textContent()).toBe("Grace Okafor");
      expect(await answerShown(page, "Type of organisation").textContent()).toBe("Primary school");
      expect(await answerShown(page, "Senior manager knows").textContent()).toBe("Yes");
      expect(await answerShown(page, "Last name").textContent()).toBe(lastName);
      expect(await answerShown(page, "Date of birth").textContent()).toBe("14 February 1988");
      expect(await answerShown(page, "Local authority area").textContent()).toBe("Lambeth");
      expect(await answerShown(page, "Kind of concern").textContent()).toBe("Physical, Emotional");
      expect(await answerShown(page, "Organisation found out").textContent()).toBe(inWords(FOUND_OUT));
      expect(await answerShown(page, "Suspended or moved").textContent()).toBe("No");
      expect(await answerShown(page, "Attached").textContent()).toBe(PDF_NAME);

      // Change one answer and come back.
      await page.getByRole("link", { name: "Change role", exact: true }).click();
      await arrive(page, "About you", "/refer/about-you");
      expect(new URL(page.url()).searchParams.get("change")).toBe("1");
      expect(await field(page, "Your role").inputValue()).toBe("Designated safeguarding lead");
      await field(page, "Your role").fill("Deputy headteacher");
      await page.getByRole("button", { name: "Save and go back to check your answers" }).click();
      await arrive(page, CHECK_TITLE, "/refer/check");
      expect(await answerShown(page, "Role").textContent()).toBe("Deputy headteacher");

      const reference = await declareAndSend(page);
      await expectAccessible(page, "the confirmation page");
      // An employer hears what the LADO decides.
      await page.getByText("As a professional, you will be told what the LADO decides", { exact: false }).waitFor();
      await page.getByRole("heading", { level: 2, name: "What to do now" }).waitFor();

      // In the database: an online referral from an employer, with the screener's answers, both children and the document.
      const file = await db.case.findUniqueOrThrow({
        where: { reference },
        include: { children: { orderBy: { ageYears: "asc" } }, documents: true, referrer: true, subject: true },
      });
      expect(file).toMatchObject({
        source: "ONLINE_FORM",
        summary,
        reportedHarmCategories: ["PHYSICAL", "EMOTIONAL"],
        screenerWorksWithChildren: "YES",
        screenerAboutConduct: "NOT_SURE",
        childInImmediateDanger: false,
        suspendedOrRedeployed: "NO",
      });
      expect(file.employerAwareAt?.toISOString().slice(0, 10)).toBe(
        `${FOUND_OUT.year}-${String(FOUND_OUT.month).padStart(2, "0")}-${String(FOUND_OUT.day).padStart(2, "0")}`,
      );
      expect(file.referrer).toMatchObject({
        type: "EMPLOYER",
        name: "Grace Okafor",
        role: "Deputy headteacher",
        seniorManagerAware: "YES",
      });
      expect(file.subject).toMatchObject({ firstName: "Daniel", lastName, roleGroup: "TEACHING_ASSISTANT" });
      expect(file.children.map((c) => [c.ageYears, c.sex, c.setting])).toEqual([
        [9, "FEMALE", "Year 4 at the school"],
        [10, "MALE", "Year 5 at the school"],
      ]);
      expect(file.documents.map((d) => d.filename)).toEqual([PDF_NAME]);

      // A LADO finds it in the triage queue and opens it.
      const staff = await pages.open();
      await signInAsLado(staff);
      await staff.goto("/triage");
      await arrive(staff, "Triage", "/triage");
      await expectAccessible(staff, "the triage queue");
      const row = staff.getByRole("row").filter({ has: staff.getByRole("link", { name: reference, exact: true }) });
      expect(await row.getByRole("cell").filter({ hasText: "Online form" }).count()).toBe(1);
      await row.getByRole("link", { name: reference, exact: true }).click();
      await heading(staff, new RegExp(reference)).waitFor();
      expect(new URL(staff.url()).pathname).toBe(`/cases/${reference}`);
      await expectAccessible(staff, "the case page of the referral");
      await staff.getByRole("navigation", { name: "Case file" }).getByRole("link", { name: "Documents", exact: true }).click();
      await staff.getByRole("link", { name: PDF_NAME, exact: true }).waitFor();
      await expectAccessible(staff, "the documents of the referral");

      await staff.goto("/contacts/new");
      await arrive(staff, "Log a contact", "/contacts/new");
      await expectAccessible(staff, "the log a contact page");
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "works with JavaScript off: plain form posts from start to a reference",
    async () => {
      const page = await pages.open({ javaScriptEnabled: false });
      const summary = "Sent without JavaScript: the coach shouted at the under-12s and pushed one of them.";
      await startReferral(page);
      await answerScreener(page);
      await answerWhoYouAre(page, EMPLOYER);
      await answerAboutYou(page, "Sam Patel");
      await answerPerson(page, "Whitlock");
      await answerChildren(page);
      await answerWhatHappened(page, summary);
      await answerActions(page);
      await attachPdf(page);
      await continueToCheck(page);
      await page.getByRole("link", { name: "Change where", exact: true }).click();
      await arrive(page, "What happened", "/refer/what-happened");
      await field(page, "Where did it happen? (optional)").fill("The changing rooms");
      await page.getByRole("button", { name: "Save and go back to check your answers" }).click();
      await arrive(page, CHECK_TITLE, "/refer/check");
      expect(await answerShown(page, "Where").textContent()).toBe("The changing rooms");
      const reference = await declareAndSend(page);
      const file = await db.case.findUniqueOrThrow({ where: { reference }, include: { children: true, documents: true, referrer: true } });
      expect(file).toMatchObject({ source: "ONLINE_FORM", summary });
      expect(file.referrer?.type).toBe("EMPLOYER");
      expect(file.children).toHaveLength(2);
      expect(file.documents.map((d) => d.filename)).toEqual([PDF_NAME]);
      // No script of the page's ran (GOV.UK Frontend marks the body when it starts).
      expect(await page.locator("body.js-enabled").count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "can be answered with the keyboard only: the screener, who you are and the About you page",
    async () => {
      const page = await pages.open();
      await page.goto("/refer");
      await arrive(page, START_TITLE, "/refer");
      await tabTo(page, page.getByRole("button", { name: "Start now" }), "the Start now button");
      await page.keyboard.press("Enter");
      await arrive(page, "Is the LADO the right place?", "/refer/screener");

      // Radios: Tab reaches a group, Space selects the focused option, arrows move between options.
      await tabTo(page, field(group(page, "Does the person work or volunteer with children?"), "Yes"), "the first question");
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      const conduct = group(
        page,
        "Is the concern about how they have behaved towards a child, or behaviour that may make them unsuitable to work with children?",
      );
      expect(await isFocused(field(conduct, "Yes"))).toBe(true);
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      const danger = group(page, "Is a child in immediate danger now?");
      expect(await isFocused(field(danger, "Yes"))).toBe(true);
      await page.keyboard.press("ArrowRight"); // to "No", which selects it
      await page.keyboard.press("Space");
      expect(await field(danger, "No").isChecked()).toBe(true);
      await page.keyboard.press("Tab");
      expect(await isFocused(page.getByRole("button", { name: "Continue" }))).toBe(true);
      await page.keyboard.press("Enter");
      await arrive(page, "Who you are", "/refer/who-you-are");

      // The employer is the first option; the arrow keys reach the others.
      const who = group(page, WHO_YOU_ARE);
      await tabTo(page, field(who, EMPLOYER), "the first option of who you are");
      await page.keyboard.press("ArrowDown"); // to "Another professional", which selects it
      expect(await field(who, "Another professional").isChecked()).toBe(true);
      await page.keyboard.press("ArrowUp");
      expect(await field(who, EMPLOYER).isChecked()).toBe(true);
      await page.keyboard.press("Tab");
      expect(await isFocused(page.getByRole("button", { name: "Save and continue" }))).toBe(true);
      await page.keyboard.press("Enter");
      await arrive(page, "About you", "/refer/about-you");

      // Text fields in order: Tab, type; the select by typing the start of an option.
      await tabTo(page, field(page, "Your full name"), "Your full name");
      await page.keyboard.type("Kim Adeyemi");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Headteacher");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Hillside Nursery");
      await page.keyboard.press("Tab");
      expect(await isFocused(field(page, "Type of organisation"))).toBe(true);
      await page.keyboard.type("Early years: nursery");
      expect(await field(page, "Type of organisation").inputValue()).toBe("EARLY_YEARS_NURSERY");
      await page.keyboard.press("Tab");
      await page.keyboard.type("07700 900123");
      await page.keyboard.press("Tab");
      await page.keyboard.type("kim@hillside.example.org");
      await page.keyboard.press("Tab");
      const senior = group(page, SENIOR_MANAGER);
      expect(await isFocused(field(senior, "Yes"))).toBe(true);
      await page.keyboard.press("Space");
      await tabTo(page, page.getByRole("button", { name: "Save and continue" }), "Save and continue");
      await page.keyboard.press("Enter");
      await arrive(page, "The person the concern is about", "/refer/person");

      // Saved as typed.
      await page.goBack();
      await arrive(page, "About you", "/refer/about-you");
      await page.reload();
      expect(await field(page, "Your organisation").inputValue()).toBe("Hillside Nursery");
      expect(await field(page, "Email address").inputValue()).toBe("kim@hillside.example.org");
      expect(await field(senior, "Yes").isChecked()).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows the GOV.UK error summary for an empty page; its links focus the fields; what was typed stays",
    async () => {
      const page = await pages.open();
      await startReferral(page);
      await answerScreener(page);

      // Who you are, left unanswered.
      pages.allow400("/refer/who-you-are");
      await page.getByRole("button", { name: "Save and continue" }).click();
      const summary = page.locator(".govuk-error-summary");
      await summary.getByRole("link", { name: "Say who you are" }).waitFor();
      await expectAccessible(page, "the who you are page showing an error");
      await answerWhoYouAre(page, EMPLOYER);

      pages.allow400("/refer/about-you");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/refer/about-you");
      // As GOV.UK Frontend does, focus moves to the summary, so it is read out.
      await expect.poll(() => isFocused(summary)).toBe(true);
      const links = summary.getByRole("link");
      // An employer must give their role, organisation and its type, and a way to reach them; the email address alone is optional.
      expect((await links.allTextContents()).sort()).toEqual(
        [
          "Enter your full name",
          "Enter your role, like designated safeguarding lead",
          "Enter the name of your organisation",
          "Choose the type of organisation",
          "Enter a telephone number or an email address so we can reach you",
          "Say whether your organisation's senior manager knows",
        ].sort(),
      );
      // The message is next to the field too.
      await page.locator("#referrerPhone-error").getByText("Enter a telephone number or an email address so we can reach you").waitFor();
      await expectAccessible(page, "the About you page showing errors");

      await summary.getByRole("link", { name: "Enter a telephone number or an email address so we can reach you" }).click();
      await expect.poll(() => isFocused(field(page, "Telephone number"))).toBe(true);
      await summary.getByRole("link", { name: "Choose the type of organisation" }).click();
      await expect.poll(() => isFocused(field(page, "Type of organisation"))).toBe(true);

      // Some answers typed, one of them wrong: after the error they are all still there.
      await field(page, "Your full name").fill("Grace Okafor");
      await field(page, "Your organisation").fill("Riverside Primary School");
      await field(page, "Email address").fill("not an email");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.org" }).waitFor();
      await expect.poll(() => isFocused(summary)).toBe(true);
      expect(await summary.getByRole("link").allTextContents()).not.toContain("Enter your full name");
      expect(await field(page, "Your full name").inputValue()).toBe("Grace Okafor");
      expect(await field(page, "Your organisation").inputValue()).toBe("Riverside Primary School");
      expect(await field(page, "Email address").inputValue()).toBe("not an email");
      // And after a refresh: the answers were saved with the error.
      await page.reload();
      await arrive(page, "About you", "/refer/about-you");
      expect(await field(page, "Your full name").inputValue()).toBe("Grace Okafor");
      expect(await field(page, "Email address").inputValue()).toBe("not an email");
    },
    TEST_TIMEOUT_MS,
  );
});

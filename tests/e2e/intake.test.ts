// End to end, in headless Chromium against the real production server (build/
// served by server/index.ts) on this test file's own database: what issue 14
// changed around the public referral form. A parent refers (never asked for
// an organisation or the employer's questions) and says a child is in
// immediate danger; a LADO finds the contact first in the triage queue and in
// its flagged-only view, sees the flag on the case, and reads every answer in
// the case file's referral section. "Delete my answers" removes a draft; the
// privacy notice opens from the form; an admin adds, changes and removes a
// bank holiday, and changes a service rule. Every page is checked with axe-core (WCAG 2.2 A and AA) and
// for console errors and CSP violations.
//
// Referrals sent by this file: one (from 127.0.0.1), under the default limit
// of 10 an hour per address.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase } from "../factories";
import {
  answerScreener,
  answerShown,
  answerWhoYouAre,
  arrive,
  browserSuite,
  CHECK_TITLE,
  choose,
  continueToCheck,
  declareAndSend,
  expectAccessible,
  field,
  fillDate,
  group,
  heading,
  PARENT,
  PASSWORD,
  signIn,
  START_TITLE,
  startReferral,
} from "./referral-pages";

const LADO_EMAIL = "e2e-intake-lado@example.org";
const ADMIN_EMAIL = "e2e-intake-admin@example.org";
// A whole referral with axe scans takes about 15 s alone, more when test files run in parallel.
const TEST_TIMEOUT_MS = 90_000;
const NOT_ANSWERED = "Not answered";

/** Contacts already waiting, older than the parent's and not flagged: without the flag they would come first. */
let waitingBefore: string[] = [];
const { pages } = browserSuite({
  lado: { roles: ["LADO"], email: LADO_EMAIL },
  admin: { roles: ["ADMIN"], email: ADMIN_EMAIL },
});

beforeAll(async () => {
  for (const hoursAgo of [30, 20]) {
    const made = await createCase(db, { childInImmediateDanger: false, receivedAt: new Date(Date.now() - hoursAgo * 3_600_000) });
    waitingBefore.push(made.reference);
  }
});

afterAll(() => {
  waitingBefore = [];
});

const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();

/** Every row of a summary list in a part of the page (a region named by its heading): [question, answer]. */
async function rowsOf(region: Locator): Promise<[string, string][]> {
  const rows = region.locator(".govuk-summary-list__row");
  const shown: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    shown.push([(await row.getByRole("term").innerText()).trim(), (await row.getByRole("definition").first().innerText()).trim()]);
  }
  return shown;
}

// ---------------------------------------------------------------- a parent's referral

const parent = {
  name: "Aisha Rahman",
  phone: "07700 900456",
  email: "aisha.rahman@example.com",
  summary:
    "My daughter came home from swimming training upset. She said the coach held her head under the water and called her useless in front of the squad.",
};

async function answerAboutYouAsParent(page: Page) {
  // A parent is asked who they are and how to reach them: no role, organisation or employer's question.
  await field(page, "Your full name").waitFor();
  for (const label of ["Your role", "Your organisation", "Your local authority", "Type of organisation"]) {
    expect(await field(page, label).count(), `"${label}" asked of a parent`).toBe(0);
  }
  expect(await group(page, "Does your organisation's most senior manager know about this concern?").count()).toBe(0);
  await field(page, "Your full name").fill(parent.name);
  await field(page, "Telephone number").fill(parent.phone);
  await field(page, "Email address").fill(parent.email);
  await saveAndContinue(page);
  await arrive(page, "The person the concern is about", "/refer/person");
}

async function answerPersonAsParent(page: Page) {
  await choose(page, "Can you tell us the person's name?", "Yes");
  await field(page, "First name").fill("Mark");
  await field(page, "Last name").fill("Lowther");
  await field(page, "Previous names (optional)").fill("Mark Lowe");
  await fillDate(page, "Date of birth (optional)", { day: 3, month: 7, year: 1979 });
  await choose(page, "Sex (optional)", "Male");
  await field(page, "Job title or role").fill("Swimming coach");
  await field(page, "Which is closest to their role?").selectOption({ label: "Coach or instructor" });
  await field(page, "Where they work or volunteer").fill("Tideway Swimming Club");
  await field(page, "Type of setting").selectOption({ label: "Sports and leisure" });
  await field(page, "Which local authority area is the setting in?").fill("Southwark");
  await field(page, "How they are employed (optional)").selectOption({ label: "Volunteer" });
  await field(page, "Other work or volunteering with children (optional)").fill("He also helps at a holiday sports camp in August.");
  await field(page, "Previous concerns you know of (optional)").fill("Another parent complained about his shouting last year.");
  await saveAndContinue(page);
  await arrive(page, "The child or children", "/refer/children");
}

async function answerChildAsParent(page: Page) {
  const child = group(page, "Child 1");
  await field(child, "Their age at the time").fill("11");
  await choose(child, "Sex", "Female");
  await field(child, "Where they know the person from").fill("Tideway squad training");
  await field(child, "Name (optional)").fill("Maya");
  await saveAndContinue(page);
  await arrive(page, "What happened", "/refer/what-happened");
}

async function answerWhatHappenedAsParent(page: Page) {
  // The date the organisation found out is the employer's question.
  await group(page, "What kind of concern is it?").waitFor();
  expect(await group(page, "When did your organisation find out?").count()).toBe(0);
  expect(await group(page, "When did the employer find out? (optional)").count()).toBe(0);
  const kinds = group(page, "What kind of concern is it?");
  await field(kinds, "Physical").check();
  await field(kinds, "Emotional").check();
  await choose(page, "Did it happen online?", "No");
  await choose(page, "Did it happen during physical intervention or restraint?", "No");
  await fillDate(page, "When did it happen?", { day: 7, month: 11, year: 2026 });
  await fillDate(page, "If it went on over a time, the last date (optional)", { day: 21, month: 11, year: 2026 });
  await choose(page, "Has it happened more than once?", "Yes");
  await field(page, "Where did it happen? (optional)").fill("Tideway leisure centre pool");
  await field(page, "Tell us what happened, in your own words").fill(parent.summary);
  await choose(page, "Who raised the concern?", "The child");
  await field(page, "Their role or relationship to the child (optional)").fill("My daughter");
  await saveAndContinue(page);
  await arrive(page, "What has been done so far", "/refer/actions");
}

async function answerActionsAsParent(page: Page) {
  await group(page, "Have the police been told?").waitFor();
  expect(await group(page, "Has the person been suspended, or moved away from children?").count()).toBe(0);
  await choose(page, "Have the police been told?", "Yes");
  await field(page, "Police reference (if you have one)").fill("CAD 4471 26Nov");
  await choose(page, "Has children's social care been told?", "Not known");
  await choose(page, "Have the child's parents or carers been told?", "Yes");
  await choose(page, "Does the person know about the concern?", "No");
  await field(page, "Anything else that has been done (optional)").fill("I told the club's welfare officer on Saturday.");
  await saveAndContinue(page);
  await arrive(page, "Documents (optional)", "/refer/attachments");
}

/** What the case file's referral section should show of the parent's referral, part by part. */
const expectedReferral: Record<string, [string, string][]> = {
  "Before the form": [
    ["Works or volunteers with children", "Yes"],
    ["About how they behaved", "Yes"],
    ["A child in immediate danger", "Yes"],
  ],
  Referrer: [
    ["Who they are", PARENT],
    ["Name", parent.name],
    ["Role", NOT_ANSWERED], // not asked of a parent
    ["Organisation", NOT_ANSWERED], // not asked
    ["Sector", NOT_ANSWERED], // not asked
    ["Phone", parent.phone],
    ["Email", parent.email],
    ["Senior manager aware", NOT_ANSWERED], // the employer's question
  ],
  "Person the concern is about": [
    ["Name", "Mark Lowther"],
    ["Previous names", "Mark Lowe"],
    ["Date of birth", "3 July 1979"],
    ["Sex", "Male"],
    ["Ethnic group", NOT_ANSWERED], // optional, left blank
    ["Address", NOT_ANSWERED],
    ["Job title", "Swimming coach"],
    ["Kind of role", "Coach or instructor"],
    ["Works or volunteers at", "Tideway Swimming Club"],
    ["Type of setting", "Sports and leisure"],
    ["Local authority area", "Southwark"],
    ["Employment basis", "Volunteer"],
    ["Agency", NOT_ANSWERED],
    ["Fostering service", NOT_ANSWERED],
    ["Started", NOT_ANSWERED],
    ["Other work or volunteering with children", "He also helps at a holiday sports camp in August."],
    ["Own children or children cared for", NOT_ANSWERED],
    ["Previous concerns known", "Another parent complained about his shouting last year."],
  ],
  Children: [["Child 1", "Maya, age 11 at the time, Female, Tideway squad training"]],
  "What happened": [
    ["Summary", parent.summary],
    ["Categories of harm (as referred)", "Physical, Emotional"],
    ["Online", "No"],
    ["During physical intervention or restraint", "No"],
    ["When", "7 November 2026 to 21 November 2026"],
    ["More than one incident", "Yes"],
    ["Employer found out", NOT_ANSWERED], // the employer's question
    ["Where", "Tideway leisure centre pool"],
    ["Allegation made by", "The child: My daughter"],
  ],
  "What had been done": [
    ["Police informed", "Yes, reference CAD 4471 26Nov"],
    ["Children's social care informed", "Not known"],
    ["Parents informed", "Yes"],
    ["Person aware", "No"],
    ["Suspended or redeployed", NOT_ANSWERED], // the employer's question
    ["Other actions", "I told the club's welfare officer on Saturday."],
  ],
};

/** The references in the triage queue's table, in order. */
async function queued(page: Page) {
  return (await page.getByRole("table").getByRole("rowheader").allInnerTexts()).map((t) => t.trim());
}

describe("a parent's referral, with a child in immediate danger, end to end", () => {
  it(
    "a parent refers without an organisation; a LADO sees it first in triage and flagged, the flag on the case, and every answer in the referral section",
    async () => {
      const page = await pages.open();
      await startReferral(page, true);
      await answerScreener(page, { conduct: "Yes", danger: "Yes" }, true);
      await answerWhoYouAre(page, PARENT, true);
      await expectAccessible(page, "the About you page for a parent");
      await answerAboutYouAsParent(page);
      await expectAccessible(page, "the person page");
      await answerPersonAsParent(page);
      await expectAccessible(page, "the children page");
      await answerChildAsParent(page);
      await expectAccessible(page, "the what happened page for a parent");
      await answerWhatHappenedAsParent(page);
      await expectAccessible(page, "the actions page for a parent");
      await answerActionsAsParent(page);
      await expectAccessible(page, "the documents page");
      await continueToCheck(page);
      await expectAccessible(page, "the check your answers page for a parent");

      expect(await answerShown(page, "You are").textContent()).toBe(PARENT);
      expect(await answerShown(page, "Name").textContent()).toBe(parent.name);
      expect(await answerShown(page, "Raised by").textContent()).toBe("The child");
      for (const question of [
        "Role",
        "Organisation",
        "Type of organisation",
        "Senior manager knows",
        "Organisation found out",
        "Suspended or moved",
      ]) {
        expect(await page.getByRole("term").getByText(question, { exact: true }).count(), `"${question}" shown to a parent`).toBe(0);
      }

      const reference = await declareAndSend(page);
      await expectAccessible(page, "the confirmation page for a parent");
      // A parent is told they will usually hear only that the LADO is acting, and what to do now.
      await page.getByText("we can usually only tell you that we are acting on your referral", { exact: false }).waitFor();
      await page.getByRole("heading", { level: 2, name: "What to do now" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "What happens next" }).waitFor();

      const file = await db.case.findUniqueOrThrow({ where: { reference }, include: { referrer: true } });
      expect(file).toMatchObject({ childInImmediateDanger: true, screenerWorksWithChildren: "YES", screenerAboutConduct: "YES" });
      expect(file.referrer).toMatchObject({ type: "PARENT_CARER", organisationId: null, organisationName: null, role: null });

      // A LADO: the parent's contact comes first, ahead of older ones, with the flag.
      const staff = await pages.open();
      await signIn(staff, LADO_EMAIL, PASSWORD);
      // Signing in lands a LADO on "My work"; the triage queue is one click on.
      await arrive(staff, "My work", "/my-work");
      await staff.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Triage", exact: true }).click();
      await arrive(staff, "Triage", "/triage");
      await expectAccessible(staff, "the triage queue with a flagged contact");
      const all = await queued(staff);
      expect(all[0]).toBe(reference);
      expect(all).toEqual(expect.arrayContaining(waitingBefore));
      const first = staff.getByRole("row").filter({ has: staff.getByRole("link", { name: reference, exact: true }) });
      await first.getByText("Child in danger", { exact: true }).waitFor();
      for (const other of waitingBefore) {
        const row = staff.getByRole("row").filter({ has: staff.getByRole("link", { name: other, exact: true }) });
        expect(await row.getByText("Child in danger", { exact: true }).count()).toBe(0);
      }
      await staff.getByText("1 contact with a child in immediate danger when referred, listed first.").waitFor();

      await staff.getByRole("link", { name: "Show only contacts with a child in immediate danger" }).click();
      await staff.getByText("Showing only contacts with a child in immediate danger.").waitFor();
      expect(new URL(staff.url()).pathname + new URL(staff.url()).search).toBe("/triage?show=flagged");
      await expectAccessible(staff, "the triage queue showing only flagged contacts");
      expect(await queued(staff)).toEqual([reference]);
      await staff.getByRole("link", { name: "Show all waiting contacts" }).click();
      await expect.poll(() => queued(staff)).toHaveLength(waitingBefore.length + 1);
      expect(new URL(staff.url()).search).toBe("");

      // The case: the flag in its header.
      await staff.getByRole("link", { name: reference, exact: true }).click();
      await heading(staff, new RegExp(reference)).waitFor();
      expect(new URL(staff.url()).pathname).toBe(`/cases/${reference}`);
      const flags = staff.getByRole("list", { name: "Needs attention" });
      await flags.getByText("Child in immediate danger when referred", { exact: true }).waitFor();
      await expectAccessible(staff, "the case page with the danger flag");

      // Its referral section: every answer, grouped as the form asks them; "Not answered" where none was given.
      await staff.getByRole("navigation", { name: "Case file" }).getByRole("link", { name: "Referral", exact: true }).click();
      await staff.getByRole("heading", { level: 2, name: "Referral", exact: true }).waitFor();
      expect(new URL(staff.url()).pathname).toBe(`/cases/${reference}/referral`);
      await flags.getByText("Child in immediate danger when referred", { exact: true }).waitFor();
      await expectAccessible(staff, "the referral section of the case");
      const parts = await staff
        .getByRole("main")
        .getByRole("region")
        .evaluateAll((regions) => regions.map((r) => r.querySelector("h3")?.textContent?.trim() ?? ""));
      expect(parts).toEqual(Object.keys(expectedReferral));
      for (const [part, rows] of Object.entries(expectedReferral)) {
        expect(await rowsOf(staff.getByRole("region", { name: part, exact: true })), `the part "${part}"`).toEqual(rows);
      }
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------- deleting answers, the privacy notice

describe("deleting answers and the privacy notice", () => {
  it(
    "“Delete my answers” from a form page asks first, can keep them, then deletes the draft; the form starts over",
    async () => {
      const page = await pages.open();
      await startReferral(page);
      await answerScreener(page);
      await answerWhoYouAre(page, PARENT);
      await field(page, "Your full name").fill("Sam Carter");
      await field(page, "Email address").fill("sam.carter@example.com");
      await saveAndContinue(page);
      await arrive(page, "The person the concern is about", "/refer/person");
      const drafts = () => db.referralDraft.count({ where: { submittedReference: null } });
      const before = await drafts();
      expect(before).toBeGreaterThanOrEqual(1);

      // Asked first; "No" goes back to the page, answers kept.
      await page.getByRole("link", { name: "Delete my answers", exact: true }).click();
      await arrive(page, "Are you sure you want to delete your answers?", "/refer/delete");
      expect(new URL(page.url()).searchParams.get("from")).toBe("person");
      await expectAccessible(page, "the delete your answers page");
      await page.getByRole("link", { name: "No, keep my answers" }).click();
      await arrive(page, "The person the concern is about", "/refer/person");
      await page.getByRole("link", { name: "Back", exact: true }).click();
      await arrive(page, "About you", "/refer/about-you");
      expect(await field(page, "Your full name").inputValue()).toBe("Sam Carter");
      expect(await drafts()).toBe(before);

      // Deleted.
      await page.getByRole("link", { name: "Delete my answers", exact: true }).click();
      await arrive(page, "Are you sure you want to delete your answers?", "/refer/delete");
      await page.getByRole("button", { name: "Delete my answers" }).click();
      await arrive(page, "Your answers have been deleted", "/refer/deleted");
      await expectAccessible(page, "the answers deleted page");
      expect(await drafts()).toBe(before - 1);
      expect(await page.context().cookies()).not.toContainEqual(expect.objectContaining({ name: "lado_referral" }));

      // Going back to the form finds nothing: it starts over.
      await page.goto("/refer/check");
      await arrive(page, START_TITLE, "/refer");
      expect(await page.getByText("Your saved answers have expired").count()).toBe(0);
      await page.goto("/refer/about-you");
      await arrive(page, START_TITLE, "/refer");
      await page.getByRole("button", { name: "Start now" }).click();
      await arrive(page, "Is the LADO the right place?", "/refer/screener");
      expect(await field(group(page, "Does the person work or volunteer with children?"), "Yes").isChecked()).toBe(false);
      await answerScreener(page);
      await answerWhoYouAre(page, PARENT);
      expect(await field(page, "Your full name").inputValue()).toBe("");
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "works with JavaScript off too: deleting from the check your answers page",
    async () => {
      const page = await pages.open({ javaScriptEnabled: false });
      await startReferral(page);
      await answerScreener(page);
      await answerWhoYouAre(page, PARENT);
      await page.goto("/refer/check");
      await arrive(page, CHECK_TITLE, "/refer/check");
      await page.getByRole("link", { name: "Delete my answers", exact: true }).click();
      await arrive(page, "Are you sure you want to delete your answers?", "/refer/delete");
      await page.getByRole("button", { name: "Delete my answers" }).click();
      await arrive(page, "Your answers have been deleted", "/refer/deleted");
      await page.goto("/refer/check");
      await arrive(page, START_TITLE, "/refer");
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "links the privacy notice from every form page, opening in a new tab so nothing typed is lost",
    async () => {
      const page = await pages.open();
      await startReferral(page);
      const link = page.getByRole("link", { name: "How we use your information (opens in new tab)" });
      expect(await link.getAttribute("href")).toBe("/refer/privacy");
      expect(await link.getAttribute("target")).toBe("_blank");
      await choose(page, "Does the person work or volunteer with children?", "Yes");
      const [notice] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
      await notice.waitForLoadState();
      await arrive(notice, "How we use your information", "/refer/privacy");
      await notice.getByRole("heading", { level: 2, name: "Your rights" }).waitFor();
      await expectAccessible(notice, "the privacy notice");
      // The form is as it was.
      expect(new URL(page.url()).pathname).toBe("/refer/screener");
      expect(await field(group(page, "Does the person work or volunteer with children?"), "Yes").isChecked()).toBe(true);
      // The start page links it too, in the same tab.
      await page.goto("/refer");
      await page.getByRole("link", { name: "Read the privacy notice" }).click();
      await arrive(page, "How we use your information", "/refer/privacy");
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------- an admin's bank holidays

describe("bank holidays, as an admin", () => {
  it(
    "lists, adds, changes and removes a bank holiday, then changes a service rule; every page passes axe",
    async () => {
      const page = await pages.open();
      await signIn(page, ADMIN_EMAIL, PASSWORD, "/settings/bank-holidays");
      await arrive(page, "Bank holidays", "/settings/bank-holidays");
      const thisYear = new Date().getUTCFullYear();
      await page.getByRole("table", { name: `Bank holidays in ${thisYear}` }).waitFor();
      await page.getByRole("cell", { name: "Christmas Day", exact: true }).waitFor();
      await expectAccessible(page, "the bank holidays list");

      // Add: an empty form first, with its errors.
      await page.getByRole("button", { name: "Add a bank holiday" }).click();
      await arrive(page, "Add a bank holiday", "/settings/bank-holidays/new");
      await expectAccessible(page, "the add a bank holiday page");
      pages.allow400("/settings/bank-holidays/new");
      await page.getByRole("button", { name: "Add bank holiday" }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await expectAccessible(page, "the add a bank holiday page showing errors");
      await fillDate(page, "Date", { day: 15, month: 7, year: 2030 });
      await field(page, "Name").fill("Extra bank holiday");
      await page.getByRole("button", { name: "Add bank holiday" }).click();
      await page.getByText("Extra bank holiday, Monday 15 July 2030, added").waitFor();
      expect(new URL(page.url()).search).toBe("?year=2030");
      await expectAccessible(page, "the bank holidays of 2030 after adding one");
      expect(await db.bankHoliday.count({ where: { title: "Extra bank holiday" } })).toBe(1);

      // Change it.
      await page.getByRole("link", { name: "Change Monday 15 July 2030", exact: true }).click();
      await arrive(page, "Change a bank holiday", "/settings/bank-holidays/2030-07-15");
      expect(await field(page, "Name").inputValue()).toBe("Extra bank holiday");
      await expectAccessible(page, "the change a bank holiday page");
      await field(page, "Name").fill("Extra bank holiday (celebration)");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Extra bank holiday (celebration), Monday 15 July 2030, saved").waitFor();
      await page.getByRole("cell", { name: "Extra bank holiday (celebration)", exact: true }).waitFor();

      // Remove it: asked first.
      await page.getByRole("link", { name: "Remove Monday 15 July 2030", exact: true }).click();
      await arrive(page, "Remove a bank holiday", "/settings/bank-holidays/2030-07-15/remove");
      await expectAccessible(page, "the remove a bank holiday page");
      pages.allow400("/settings/bank-holidays/2030-07-15/remove");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("link", { name: "Select yes if you want to remove this bank holiday" }).waitFor();
      await expectAccessible(page, "the remove a bank holiday page showing an error");
      await choose(page, "Are you sure you want to remove this bank holiday?", "Yes");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("Extra bank holiday (celebration), Monday 15 July 2030, removed").waitFor();
      expect(await page.getByRole("cell", { name: "Extra bank holiday (celebration)", exact: true }).count()).toBe(0);
      expect(await db.bankHoliday.count({ where: { title: { startsWith: "Extra bank holiday" } } })).toBe(0);

      // The service rules, from the bank holidays page (and the menu): a bad number first, then one saved.
      expect(await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Service rules" }).count()).toBe(1);
      await page.getByRole("link", { name: "service rules", exact: true }).click();
      await arrive(page, "Service rules", "/settings/rules");
      expect(await field(page, "Days without a police update").inputValue()).toBe("28");
      await expectAccessible(page, "the service rules page");
      pages.allow400("/settings/rules");
      await field(page, "Days without a police update").fill("abc");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("link", { name: "Days without a police update must be a whole number" }).waitFor();
      expect(await field(page, "Days without a police update").inputValue()).toBe("abc");
      await expectAccessible(page, "the service rules page showing an error");
      await field(page, "Days without a police update").fill("28");
      await field(page, "Target for allegations concluded within one month").fill("85");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Saved: Target for allegations concluded within one month").waitFor();
      expect(await field(page, "Target for allegations concluded within one month").inputValue()).toBe("85");
      expect(await db.setting.findUnique({ where: { key: "concludedWithinOneMonthTarget" } })).toMatchObject({ value: 85 });
      await db.setting.delete({ where: { key: "concludedWithinOneMonthTarget" } });
    },
    TEST_TIMEOUT_MS,
  );
});

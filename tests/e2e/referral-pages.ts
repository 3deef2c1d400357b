// Shared by the end-to-end tests that drive the public referral form and the
// staff pages after it (tests/e2e/*.test.ts): a test file's server, browser
// and users (browserSuite), pages opened in fresh browser contexts and
// watched for problems, finding fields by their labels as a screen reader
// would, axe checks, and the steps of the form every referrer takes whoever
// they are.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { db } from "~/db.server";
import { createUser, type UserInput } from "../factories";
import {
  describeViolations,
  launchBrowser,
  missingBuildMessage,
  seriousAxeViolations,
  startAppServer,
  watchForProblems,
  type AppServer,
} from "./browser";

export const REFERENCE = /^LADO-\d{4}-\d{5}$/;

// ---------------------------------------------------------------- pages and their problems

/**
 * The browser contexts a test file opens, each with the problems its page
 * reported (console errors, uncaught exceptions, CSP violations). After each
 * test, `closeAll` closes them and answers the problems the test did not
 * expect.
 */
export class OpenedPages {
  private opened: { context: BrowserContext; problems: string[] }[] = [];
  private allowed: RegExp[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly baseURL: () => string,
  ) {}

  /** A fresh browser context (no cookies) and a page in it, watched for problems. */
  async open(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await this.browser().newContext({ baseURL: this.baseURL(), ...options });
    context.setDefaultTimeout(10_000); // fail with Playwright's message before the test times out
    const page = await context.newPage();
    const problems = await watchForProblems(page);
    this.opened.push({ context, problems });
    return page;
  }

  /**
   * Chromium logs any 4xx response as a console error: the form answers 400
   * when a page has errors (the document itself without JavaScript, or
   * Remix's `.data` request with it). Forgive exactly those, for this path,
   * until the test ends.
   */
  allow400(pathname: string) {
    const escaped = pathname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.allowed.push(
      new RegExp(
        `^console error on .*: Failed to load resource: the server responded with a status of 400 .*\\(http://localhost:\\d+${escaped}(\\.data)?[?)]`,
      ),
    );
  }

  /** Closes every context opened since the last call; the problems they reported that were not allowed. */
  async closeAll(): Promise<string[]> {
    const seen = this.opened.flatMap((o) => o.problems).filter((p) => !this.allowed.some((pattern) => pattern.test(p)));
    this.allowed = [];
    for (const { context } of this.opened.splice(0)) await context.close();
    return seen;
  }
}

// ---------------------------------------------------------------- a test file's server, browser and users

/** The password of every user the browser tests sign in as. */
export const PASSWORD = "correct-horse-battery-staple-2026";

type StaffUser = Awaited<ReturnType<typeof createUser>>;

/**
 * Registers the hooks of a browser test file. Before all: its `users` (each
 * with PASSWORD), then the production server on the file's own database (and
 * its UPLOAD_DIR, which the server inherits) and Chromium. After each test:
 * closes the test's pages and fails on the problems they reported. After all:
 * stops both. Hooks the file registers after calling this run after these
 * before all (with the users made and the server answering), and before them
 * after all.
 *
 *   const { pages, users } = browserSuite({ lado: { roles: ["LADO"], email: "e2e-x-lado@example.org" } });
 */
export function browserSuite<Key extends string>(users: Record<Key, Pick<UserInput, "roles" | "name"> & { email: string }>) {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  const made = {} as Record<Key, StaffUser>;
  const pages = new OpenedPages(
    () => browser!,
    () => server!.url,
  );

  beforeAll(async () => {
    const missing = missingBuildMessage();
    if (missing) throw new Error(missing);
    for (const key of Object.keys(users) as Key[]) made[key] = await createUser(db, { ...users[key], password: PASSWORD });
    server = await startAppServer({ databaseUrl: process.env.DATABASE_URL! });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    const seen = await pages.closeAll();
    expect(seen, `The browser reported problems:\n${seen.join("\n")}`).toEqual([]);
  });

  return {
    pages,
    /** The users made, by their keys in `users` (filled in before all). */
    users: made as Readonly<Record<Key, StaffUser>>,
  };
}

export async function expectAccessible(page: Page, what: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `axe-core found serious or critical problems on ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** Waits for the page's main heading (Remix navigates in the page) and checks the address. */
export async function arrive(page: Page, title: string | RegExp, pathname: string) {
  await heading(page, title).waitFor();
  expect(new URL(page.url()).pathname).toBe(pathname);
}

export async function isFocused(locator: Locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

// ---------------------------------------------------------------- answering, by label

export const group = (scope: Page | Locator, name: string) => scope.getByRole("group", { name, exact: true });
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

export async function choose(scope: Page | Locator, legend: string, option: string) {
  await field(group(scope, legend), option).check();
}

export type Day = { day: number; month: number; year: number };

export async function fillDate(scope: Page | Locator, legend: string, { day, month, year }: Day) {
  const date = group(scope, legend);
  await field(date, "Day").fill(String(day));
  await field(date, "Month").fill(String(month));
  await field(date, "Year").fill(String(year));
}

/** A date some days ago, as London would write it (near enough for an incident). */
export function daysAgo(days: number): Day {
  const d = new Date(Date.now() - days * 86_400_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "14 February 1988", as the check-your-answers page and the case file write a day. */
export const inWords = ({ day, month, year }: Day) => `${day} ${MONTHS[month - 1]} ${year}`;

// ---------------------------------------------------------------- the steps every referrer takes

export const START_TITLE = "Tell the LADO about a concern about an adult who works with children";
export const CHECK_TITLE = "Check your answers before sending your referral";
export const WHO_YOU_ARE = "Who are you?";
export const EMPLOYER = "The person's employer, or the setting where it happened";
export const PARENT = "A parent or carer";

export async function startReferral(page: Page, scan = false) {
  await page.goto("/refer");
  await arrive(page, START_TITLE, "/refer");
  if (scan) await expectAccessible(page, "the start page");
  await page.getByRole("button", { name: "Start now" }).click();
  await arrive(page, "Is the LADO the right place?", "/refer/screener");
  if (scan) await expectAccessible(page, "the screener");
}

const CONDUCT =
  "Is the concern about how they have behaved towards a child, or behaviour that may make them unsuitable to work with children?";

/**
 * Answers the screener. With no child in immediate danger it goes straight
 * on to "Who you are"; with one, it stops to say what to do now (call 999)
 * and goes on from there.
 */
export async function answerScreener(page: Page, answers: { conduct?: "Yes" | "Not sure"; danger?: "Yes" | "No" } = {}, scan = false) {
  const { conduct = "Not sure", danger = "No" } = answers;
  await choose(page, "Does the person work or volunteer with children?", "Yes");
  await choose(page, CONDUCT, conduct);
  await choose(page, "Is a child in immediate danger now?", danger);
  await page.getByRole("button", { name: "Continue" }).click();
  if (danger === "Yes") {
    await arrive(page, "Before you go on", "/refer/screener");
    await page.getByText("If a child is in immediate danger, call 999 now.").waitFor();
    if (scan) await expectAccessible(page, "the screener's advice for a child in immediate danger");
    await page.getByRole("button", { name: "Continue with the referral" }).click();
  }
  await arrive(page, "Who you are", "/refer/who-you-are");
}

/** Answers "Who are you?" with one of its options, by label. */
export async function answerWhoYouAre(page: Page, who: string, scan = false) {
  if (scan) await expectAccessible(page, "the who you are page");
  await choose(page, WHO_YOU_ARE, who);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await arrive(page, "About you", "/refer/about-you");
}

export async function continueToCheck(page: Page) {
  await page.getByRole("button", { name: "Continue" }).click();
  await arrive(page, CHECK_TITLE, "/refer/check");
}

/** The answer shown on the check-your-answers page for a question. */
export function answerShown(page: Page, question: string) {
  return page
    .locator(".govuk-summary-list__row")
    .filter({ has: page.getByRole("term").getByText(question, { exact: true }) })
    .getByRole("definition")
    .first();
}

/** The value beside a key in the summary lists of the page, or of a part of it. */
export function valueOf(scope: Page | Locator, key: string) {
  // The row's own term, found from the page: a filter's locator is matched inside each row.
  const page = "goto" in scope ? scope : scope.page();
  return scope
    .locator(".govuk-summary-list__row")
    .filter({ has: page.getByRole("term").getByText(key, { exact: true }) })
    .getByRole("definition")
    .first();
}

/** Declares, sends, and answers the reference the confirmation page gives. */
export async function declareAndSend(page: Page): Promise<string> {
  await field(page, "The information I have given is correct to the best of my knowledge").check();
  await page.getByRole("button", { name: "Send referral" }).click();
  await arrive(page, "Referral sent", "/refer/sent");
  const reference = (await page.locator(".govuk-panel__body strong").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE);
  expect(reference.slice(5, 9)).toBe(String(new Date().getUTCFullYear()));
  return reference;
}

/** Signs in through the sign-in page; `returnTo` is where to go then (staff without the case list go elsewhere). */
export async function signIn(page: Page, email: string, password: string, returnTo?: string) {
  await page.goto(returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : "/sign-in");
  await field(page, "Email address").fill(email);
  await field(page, "Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

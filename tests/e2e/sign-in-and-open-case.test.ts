// End to end, in headless Chromium against the real production server
// (build/ served by server/index.ts) on this test file's own database: a LADO
// signs in, finds a case in the list, opens it, and the view is audited. Each
// page is checked with axe-core (WCAG 2.2 A and AA) and for console errors.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase, createUser } from "../factories";
import { launchBrowser, missingBuildMessage, startAppServer, watchForProblems, type AppServer } from "./browser";
import { expectAccessible, PASSWORD } from "./referral-pages";

const EMAIL = "e2e-lado@example.org";
const MANAGER_EMAIL = "e2e-manager@example.org";

let server: AppServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let problems: string[];
let lado: { id: string };
let wanted: { id: string; reference: string };

beforeAll(async () => {
  const missing = missingBuildMessage();
  if (missing) throw new Error(missing);
  lado = await createUser(db, { roles: ["LADO"], email: EMAIL, password: PASSWORD });
  // Some other cases, so finding the one wanted takes the search.
  for (let i = 0; i < 3; i++) await createCase(db);
  wanted = await createCase(db);
  server = await startAppServer({ databaseUrl: process.env.DATABASE_URL! });
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: server.url });
  context.setDefaultTimeout(10_000); // fail with Playwright's message before the test times out
  page = await context.newPage();
  problems = await watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  const seen = problems?.splice(0) ?? [];
  expect(seen, `The browser reported problems:\n${seen.join("\n")}`).toEqual([]);
});

/** Forgets the problems reported so far that match: ones the test expects. */
function allowProblems(pattern: RegExp) {
  const kept = problems.filter((p) => !pattern.test(p));
  problems.splice(0, problems.length, ...kept);
}

describe("signing in and opening a case", () => {
  it("serves the sign-in page with the security headers", async () => {
    const response = await page.goto("/sign-in");
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const nonce = headers["content-security-policy"]?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]{16,})'/)?.[1];
    expect(nonce, "a nonce in script-src").toBeTruthy();
    // Every script on the page carries this response's nonce (or the CSP would block it).
    const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await expectAccessible(page, "the sign-in page");
  });

  it("refuses a wrong password with an error summary", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(EMAIL);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert");
    await summary.waitFor();
    expect(await summary.getByRole("heading").textContent()).toBe("There is a problem");
    expect(await summary.getByRole("link").textContent()).toBe("Enter a correct email address and password");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    // The action answers 400, as it should, and Chromium logs any 4xx response as a console error
    // (for /sign-in.data after hydration, or /sign-in itself if the click came first).
    allowProblems(/Failed to load resource: the server responded with a status of 400 .*\(http:\/\/localhost:\d+\/sign-in(\.data)?[?)]/);
    await expectAccessible(page, "the sign-in page showing an error");
  });

  it("signs a LADO in, finds the case in the list, opens it and records the view", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Remix navigates in the page: wait for the new content, not only the address. A LADO lands on "My work".
    await page.getByRole("heading", { level: 1, name: "My work", exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/my-work");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Cases", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Cases", exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/cases");
    await expectAccessible(page, "the case list");

    await page.getByLabel("Search by reference").fill(wanted.reference);
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `1 case matching “${wanted.reference}”` })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe(wanted.reference);

    expect(await db.auditEvent.count({ where: { action: "case.view", caseId: wanted.id } })).toBe(0);
    await page.getByRole("link", { name: wanted.reference, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: wanted.reference }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${wanted.reference}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(wanted.reference);
    await expectAccessible(page, "the case page");

    const views = await db.auditEvent.findMany({ where: { action: "case.view", caseId: wanted.id } });
    expect(views.length).toBeGreaterThanOrEqual(1);
    expect(views.every((v) => v.userId === lado.id)).toBe(true);
  });
});

describe("the case file's sections", () => {
  it("opens each section from the section navigation, each audited once, and a manager's audit trail shows them", async () => {
    await createUser(db, { roles: ["MANAGER"], email: MANAGER_EMAIL, password: PASSWORD });
    const file = await createCase(db, {
      decisions: [{ category: "ALLEGATION" }],
      meetings: [{ type: "EVALUATION" }],
      police: { status: "INVESTIGATING" },
      employerAction: { suspended: true },
      outcome: { outcome: "SUBSTANTIATED" },
      closures: [{}],
    });
    const manager = await browser!.newContext({ baseURL: server!.url });
    const managerPage = await manager.newPage();
    const seen = await watchForProblems(managerPage);
    await managerPage.goto("/sign-in");
    await managerPage.getByLabel("Email address").fill(MANAGER_EMAIL);
    await managerPage.getByLabel("Password").fill(PASSWORD);
    await managerPage.getByRole("button", { name: "Sign in" }).click();
    await managerPage.waitForURL("**/team"); // a manager's home
    await managerPage.goto(`/cases/${file.reference}`);

    const nav = managerPage.getByRole("navigation", { name: "Case file" });
    const sections = [
      ["Referral", "referral"],
      ["Prior history", "prior-history"],
      ["Decisions", "decisions"],
      ["Meetings and actions", "meetings"],
      ["Police", "police"],
      ["Employer", "employer"],
      ["Outcome", "outcome"],
      ["Closure", "closure"],
      ["Documents", "documents"],
      ["Emails", "emails"],
      ["Summary", ""],
    ] as const;
    for (const [title, slug] of sections) {
      await nav.getByRole("link", { name: title, exact: true }).click();
      await managerPage.getByRole("heading", { level: 2, name: title, exact: true }).waitFor();
      expect(new URL(managerPage.url()).pathname).toBe(`/cases/${file.reference}${slug ? `/${slug}` : ""}`);
      expect(await nav.getByRole("link", { name: title, exact: true }).getAttribute("aria-current")).toBe("page");
      expect(await managerPage.getByRole("heading", { level: 1 }).textContent()).toContain(file.reference);
      await expectAccessible(managerPage, `the ${title} section`);
    }

    // The audit trail, opened by its link, shows the trail (not the case file again) and each view once.
    await nav.getByRole("link", { name: "Audit trail", exact: true }).click();
    await managerPage.getByRole("heading", { level: 2, name: "Audit trail", exact: true }).waitFor();
    expect(new URL(managerPage.url()).pathname).toBe(`/cases/${file.reference}/audit-trail`);
    // A header row, then the first visit and each section clicked.
    expect(await managerPage.getByRole("table").getByRole("row").count()).toBe(1 + 1 + sections.length);
    const events = await db.auditEvent.findMany({ where: { caseId: file.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, (e.details as { section?: string }).section])).toEqual([
      // The first visit (the summary, by its address), each section clicked, then the trail itself.
      ["case.view", "summary"],
      ...sections.map(([, slug]) => ["case.view", slug || "summary"]),
      ["audit-trail.view-case", "audit-trail"],
    ]);
    expect(seen).toEqual([]);
    await manager.close();
  });
});

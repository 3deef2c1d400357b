// End to end, in headless Chromium against the real production server on
// this test file's own database: an allegation with its outcome and an
// action still open, open four months. The LADO records this month's reason
// for delay, tries to propose closure with nothing filled in, then proposes
// it with a reason for the open action; a manager returns it with a comment,
// which the LADO sees; the LADO proposes again; the manager signs it off
// (the case is closed, with its retention review date and basis) and places
// a legal hold (flagged in the header). axe-core (WCAG 2.2 A and AA) on the
// closure section at each step, with and without errors. The hold is then lifted.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase } from "../factories";
import { sectionHeading } from "./allegation-pages";
import { browserSuite, expectAccessible, field, heading, PASSWORD, signIn } from "./referral-pages";

const LADO_EMAIL = "e2e-closure-lado@example.org";
const MANAGER_EMAIL = "e2e-closure-manager@example.org";
const TEST_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

const { pages, users } = browserSuite({
  lado: { roles: ["LADO"], email: LADO_EMAIL, name: "Priya Shah" },
  manager: { roles: ["MANAGER"], email: MANAGER_EMAIL, name: "Helen Okafor" },
});

let reference = "";

beforeAll(async () => {
  const file = await createCase(db, {
    allocatedTo: users.lado,
    receivedAt: new Date(Date.now() - 125 * DAY_MS),
    decisions: [{ category: "ALLEGATION" }],
    outcome: { outcome: "UNSUBSTANTIATED" },
    actions: [
      {
        description: "Employer to confirm the final warning in writing",
        status: "OPEN",
        ownerName: "Sam Reid",
        ownerAgency: "Hollybank Primary School",
      },
    ],
    delayReasons: [],
    closures: [],
  });
  reference = file.reference;
});

async function openClosure(page: Page) {
  await page.goto(`/cases/${reference}/closure`);
  await heading(page, new RegExp(reference)).waitFor();
  await sectionHeading(page, "Closure").waitFor();
}

describe("closing an allegation", () => {
  it(
    "propose, returned by a manager, propose again, signed off; a legal hold",
    async () => {
      const path = `/cases/${reference}/closure`;
      const lado = await pages.open();
      await signIn(lado, LADO_EMAIL, PASSWORD);
      await openClosure(lado);
      await lado.getByText("Employer to confirm the final warning in writing").waitFor();
      await lado.getByText("Reason for delay needed").waitFor();
      await expectAccessible(lado, "the closure section of an open allegation");

      // This month's reason for delay (the month is chosen already).
      await field(lado, "Reason for delay").fill("Waiting for the employer's disciplinary hearing.");
      await lado.getByRole("button", { name: "Save reason for delay" }).click();
      await lado.getByText("Reason for delay recorded").waitFor();
      await lado.getByRole("cell", { name: "Waiting for the employer's disciplinary hearing." }).waitFor();

      // Nothing filled in: both reasons asked for.
      pages.allow400(path);
      await lado.getByRole("button", { name: "Propose closure" }).click();
      const summary = lado.locator(".govuk-error-summary");
      await summary.getByRole("link", { name: "Enter the reason for closing the case" }).waitFor();
      await summary
        .getByRole("link", { name: "Give the reason for closing with 1 action still open, or complete or cancel it first" })
        .waitFor();
      await expectAccessible(lado, "the closure section with errors");

      await field(lado, "Reason for closing").fill("Outcome recorded and letters sent.");
      await field(lado, "Why the case may close with actions still open").fill(
        "The employer confirmed it by phone; the letter is a formality.",
      );
      await lado.getByRole("button", { name: "Propose closure" }).click();
      await lado.getByText("Closure proposed: a manager will sign it off").waitFor();
      await lado.getByText("Waiting for a manager's sign-off").waitFor();

      // The manager returns it with a comment.
      const manager = await pages.open();
      await signIn(manager, MANAGER_EMAIL, PASSWORD);
      await openClosure(manager);
      await expectAccessible(manager, "the closure section awaiting sign-off");
      await field(manager, "Comment for the LADO").fill("Attach the employer's written confirmation first.");
      await manager.getByRole("button", { name: "Return closure" }).click();
      await manager.getByText("Closure returned to the LADO").waitFor();

      // The LADO sees the comment and proposes again.
      await openClosure(lado);
      await lado.getByText("Attach the employer's written confirmation first.").first().waitFor();
      await expectAccessible(lado, "the closure section after a return");
      await field(lado, "Reason for closing").fill("Employer's written confirmation received and attached.");
      await field(lado, "Why the case may close with actions still open").fill("The action is done; the employer will mark it.");
      await lado.getByRole("button", { name: "Propose closure" }).click();
      await lado.getByText("Closure proposed: a manager will sign it off").waitFor();

      // The manager signs it off: closed, with its retention.
      await openClosure(manager);
      await manager.getByRole("button", { name: "Sign off closure" }).click();
      await manager.getByText("Closure signed off: the case is closed").waitFor();
      await manager.getByRole("heading", { level: 1 }).getByText("Closed").waitFor();
      await manager.getByText(/^LADO record: Unsubstantiated allegation, kept 25 years from closure/).waitFor();
      const row = await db.case.findUniqueOrThrow({ where: { reference } });
      expect(row.retentionReviewDate).not.toBeNull();
      await expectAccessible(manager, "the closure section of a closed case");

      // A legal hold, flagged in the case header.
      await field(manager, "Reason for a legal hold").fill("Independent inquiry's retention direction.");
      await manager.getByRole("button", { name: "Place legal hold" }).click();
      await manager.getByText("Legal hold placed", { exact: true }).waitFor();
      const flags = manager.getByRole("list", { name: "Needs attention" });
      await flags.getByText("Legal hold").waitFor();
      await expectAccessible(manager, "the closure section with a legal hold");

      // Lifted: the flag goes.
      await manager.getByRole("button", { name: /^Lift/ }).click();
      await manager.getByText("Legal hold lifted", { exact: true }).waitFor();
      await manager.getByRole("cell", { name: /^Lifted / }).waitFor();
      expect(await flags.getByText("Legal hold").count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});

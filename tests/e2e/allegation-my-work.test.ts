// End to end, in headless Chromium against the real production server on
// this test file's own database: a LADO signs in and lands on "My work",
// which counts what is due on their allegation (an overdue action, the
// evaluation meeting, the police-delay flag), follows a count to its list
// and an item to the case section; a manager signs in and lands on the team
// view, filters it to that LADO and sees the closure they proposed waiting
// for another manager. axe-core (WCAG 2.2 A and AA) on both pages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCase } from "../factories";
import { rowOf } from "./allegation-pages";
import { arrive, browserSuite, expectAccessible, field, heading, PASSWORD, signIn } from "./referral-pages";

const LADO_EMAIL = "e2e-my-work-lado@example.org";
const MANAGER_EMAIL = "e2e-my-work-manager@example.org";
const LADO_NAME = "Priya Shah";
const TEST_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

const { pages, users } = browserSuite({
  lado: { roles: ["LADO"], email: LADO_EMAIL, name: LADO_NAME },
  manager: { roles: ["MANAGER"], email: MANAGER_EMAIL, name: "Helen Okafor" },
});

let reference = "";
let proposed = "";

beforeAll(async () => {
  const received = new Date(Date.now() - 40 * DAY_MS);
  const file = await createCase(db, {
    allocatedTo: users.lado,
    receivedAt: received,
    decisions: [{ category: "ALLEGATION" }],
    meetings: [],
    delayReasons: [],
    closures: [],
    actions: [
      {
        description: "Employer to send the chronology of earlier concerns",
        status: "OPEN",
        dueDate: new Date(`${new Date(Date.now() - 5 * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`),
        ownerName: "Sam Reid",
        ownerAgency: "Hollybank Primary School",
      },
    ],
    police: { status: "INVESTIGATING", informedAt: received, openedAt: received, updates: [], challenges: [] },
  });
  reference = file.reference;
  const closing = await createCase(db, {
    allocatedTo: users.lado,
    receivedAt: new Date(Date.now() - 20 * DAY_MS),
    decisions: [{ category: "ALLEGATION" }],
    outcome: { outcome: "UNFOUNDED" },
    actions: [],
    closures: [{ proposedAt: new Date(Date.now() - DAY_MS), proposedById: users.manager.id }],
  });
  proposed = closing.reference;
});

describe("My work and the team view", () => {
  it(
    "a LADO lands on My work, follows a count to its list and an item to the case; a manager lands on the team view and filters it",
    async () => {
      const lado = await pages.open();
      await signIn(lado, LADO_EMAIL, PASSWORD);
      await arrive(lado, "My work", "/my-work");
      await expectAccessible(lado, "My work");
      const summary = lado.getByRole("table", { name: "Summary" });
      const count = (what: string) => summary.getByRole("row").filter({ has: lado.getByRole("link", { name: what, exact: true }) });
      await count("Actions overdue or due soon").getByText("1 overdue").waitFor();
      await count("Police delay").getByRole("cell", { name: "1", exact: true }).waitFor();

      await summary.getByRole("link", { name: "Actions overdue or due soon", exact: true }).click();
      expect(new URL(lado.url()).hash).toBe("#work-actions");
      const action = rowOf(lado, "Actions overdue or due soon", reference);
      await action.getByText("Employer to send the chronology of earlier concerns").waitFor();
      await action.getByText("Overdue").waitFor();
      await rowOf(lado, "Police delay", reference)
        .getByText(/No update from the police since/)
        .waitFor();
      await rowOf(lado, "Meetings and reviews due", reference).getByText("Evaluation (ASV) meeting").waitFor();
      await rowOf(lado, "Closures awaiting sign-off", proposed).waitFor();

      await action.getByRole("link", { name: reference, exact: true }).click();
      await lado.waitForURL((url) => url.pathname === `/cases/${reference}/meetings` && url.hash === "#actions");
      await heading(lado, new RegExp(reference)).waitFor();
      await lado
        .getByRole("heading", { name: /^Actions/ })
        .first()
        .waitFor();

      const manager = await pages.open();
      await signIn(manager, MANAGER_EMAIL, PASSWORD);
      await arrive(manager, "Team", "/team");
      await expectAccessible(manager, "the team view");
      await rowOf(manager, "Police delay", reference).getByRole("cell", { name: LADO_NAME }).waitFor();
      // The closure this manager proposed waits for another manager.
      await rowOf(manager, "Closures you proposed, awaiting another manager", proposed).waitFor();
      expect(await rowOf(manager, "Closures you can sign off", proposed).count()).toBe(0);

      await field(manager, "LADO").selectOption({ label: LADO_NAME });
      await manager.getByRole("button", { name: "Show" }).click();
      await manager.waitForURL((url) => url.searchParams.get("lado") !== null);
      await manager.getByText(`on the open cases allocated to ${LADO_NAME}`).waitFor();
      await rowOf(manager, "Actions overdue or due soon", reference).waitFor();
      await expectAccessible(manager, "the team view filtered to one LADO");

      await manager.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My work", exact: true }).click();
      await arrive(manager, "My work", "/my-work");
    },
    TEST_TIMEOUT_MS,
  );
});

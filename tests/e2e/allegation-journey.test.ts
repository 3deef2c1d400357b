// End to end, in headless Chromium against the real production server on this
// test file's own database: one allegation from the decision to a signed-off
// closure, entirely through the pages, as a LADO and a manager would. A
// contact (made with the factories) waits on the LADO's "My work"; the LADO
// records the initial consideration and an allegation decision; "My work"
// shows the evaluation meeting due; the LADO schedules and records it with an
// action, records the police investigating and the employer's suspension;
// "My work" shows the action, and once the police have gone quiet the
// police-delay flag; the manager's team view shows the same for that LADO.
// The police end with no further action, the employer dismisses, the action
// is done; the LADO records the outcome, the DBS referral it prompts, sends
// the outcome letter to the employer, records telling the person and the
// parents, and proposes closure; the manager sees it awaiting sign-off on the
// team view and signs it off. The case is closed with its retention review
// date, the chronology lists the journey, and "My work" no longer lists the
// case. axe-core (WCAG 2.2 A and AA) on each page visited.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { calendarDate } from "~/utils/dates";
import { createCase, createOrganisation } from "../factories";
import {
  answerSuspension,
  button,
  openDetails,
  referToDbs,
  rowOf,
  savePersonTold,
  savePoliceUpdate,
  scheduleEvaluationMeeting,
  sectionHeading,
} from "./allegation-pages";
import {
  arrive,
  browserSuite,
  choose,
  daysAgo,
  expectAccessible,
  field,
  fillDate,
  group,
  heading,
  PASSWORD,
  signIn,
  valueOf,
} from "./referral-pages";

const LADO_EMAIL = "e2e-journey-lado@example.org";
const MANAGER_EMAIL = "e2e-journey-manager@example.org";
const LADO_NAME = "Priya Shah";
const EMPLOYER_EMAIL = "safeguarding@oakfield-primary.example.org";
const ACTION = "Confirm the suspension in writing to the LADO";
const TEST_TIMEOUT_MS = 240_000;
const DAY_MS = 86_400_000;

const { pages, users } = browserSuite({
  lado: { roles: ["LADO"], email: LADO_EMAIL, name: LADO_NAME },
  manager: { roles: ["MANAGER"], email: MANAGER_EMAIL, name: "Helen Okafor" },
});

let reference = "";
let caseId = "";

beforeAll(async () => {
  const school = await createOrganisation(db, { name: "Oakfield Primary School", sector: "PRIMARY_SCHOOL", email: EMPLOYER_EMAIL });
  // A contact allocated to the LADO and waiting for its initial consideration
  // (no decision, no records yet). It came in five weeks ago, so that the
  // police dates aged below still fall after it.
  const file = await createCase(db, {
    allocatedTo: users.lado,
    receivedAt: new Date(Date.now() - 35 * DAY_MS),
    namedProfessional: true,
    subject: { firstName: "Daniel", lastName: "Hartley", jobTitle: "Teaching assistant" },
    employer: school,
  });
  reference = file.reference;
  caseId = file.id;
});

/** Opens a section of the case file from the case's navigation, and waits for it. */
async function openSection(page: Page, title: string, slug: string) {
  await page.getByRole("navigation", { name: "Case file" }).getByRole("link", { name: title, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/cases/${reference}/${slug}`);
  await sectionHeading(page, title).waitFor();
}

/** Goes to "My work" (LADO) or the team view (manager) from the menu, and checks it. */
async function openHome(page: Page, title: "My work" | "Team", pathname: string, what: string) {
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: title, exact: true }).click();
  await arrive(page, title, pathname);
  await expectAccessible(page, what);
}

/** Follows the case's link in a list on "My work" or the team view to the case section it names. */
async function follow(page: Page, list: string, slug: string) {
  await rowOf(page, list, reference).getByRole("link", { name: reference, exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/cases/${reference}/${slug}`);
  await heading(page, new RegExp(reference)).waitFor();
}

describe("one allegation, from the decision to a signed-off closure", () => {
  it(
    "a LADO runs it through every section, watched on My work and the team view; a manager signs off its closure",
    async () => {
      const lado = await pages.open();
      const pathOf = (slug: string) => `/cases/${reference}/${slug}`;
      for (const slug of ["decisions", "meetings", "police", "employer", "outcome", "informing", "closure"]) pages.allow400(pathOf(slug));

      // My work: the contact waits for its initial consideration.
      await signIn(lado, LADO_EMAIL, PASSWORD);
      await arrive(lado, "My work", "/my-work");
      await expectAccessible(lado, "My work with a contact waiting");
      await rowOf(lado, "Initial considerations", reference).waitFor();
      await follow(lado, "Initial considerations", "decisions");
      await expectAccessible(lado, "the decisions section of a new contact");

      // The initial consideration and an allegation decision, at one sitting.
      await choose(lado, "Have you seen the prior history of this person and setting?", "Yes");
      await field(group(lado, "Immediate action"), "No immediate action").check();
      await choose(lado, "Threshold decision", "Allegation against staff or volunteer");
      await field(group(lado, "Harm-threshold criteria met"), "Behaved in a way that has harmed, or may have harmed, a child").check();
      await field(group(lado, "Categories of harm"), "Physical").check();
      await field(lado, "Rationale").fill("The child's account of being grabbed by the arm meets the harm threshold.");
      await button(lado, "Save consideration and decision").click();
      await lado.getByText("Decision recorded: allegation against staff or volunteer").waitFor();
      await expectAccessible(lado, "the decisions section with an allegation decision");

      // My work: the evaluation meeting is due (overdue: the contact came in five weeks ago).
      await openHome(lado, "My work", "/my-work", "My work with an allegation");
      expect(await rowOf(lado, "Initial considerations", reference).count()).toBe(0);
      const meetingDue = rowOf(lado, "Meetings and reviews due", reference);
      await meetingDue.getByText("Evaluation (ASV) meeting").waitFor();
      await meetingDue.getByText("Overdue").waitFor();
      await follow(lado, "Meetings and reviews due", "meetings");
      await sectionHeading(lado, "Meetings and actions").waitFor();
      await expectAccessible(lado, "the meetings section with the evaluation meeting due");

      // Schedule the evaluation meeting, then record it with an action.
      await scheduleEvaluationMeeting(lado, `${LADO_NAME}, LADO`);

      await lado.getByRole("link", { name: "Record this meeting" }).click();
      await lado.getByRole("heading", { name: "Record this meeting" }).waitFor();
      await expectAccessible(lado, "the meeting's record form");
      const chair = group(lado, "Attendee 1");
      await field(chair, "Name").fill(LADO_NAME);
      await field(chair, "Agency").fill("LADO service");
      await choose(chair, "Did they attend?", "Attended");
      const head = group(lado, "Attendee 2");
      await field(head, "Name").fill("Tom Okafor");
      await field(head, "Agency").fill("Oakfield Primary School");
      await choose(head, "Did they attend?", "Attended");
      await field(lado, "Information shared").fill("The head summarised the child's account and the witness statement.");
      await field(lado, "Decisions").fill("Harm threshold confirmed. Police to investigate; the school to suspend.");
      const action = group(lado, "Action 1");
      await field(action, "Action").fill(ACTION);
      await field(action, "Owner").fill("Tom Okafor");
      await field(action, "Owner's agency").fill("Oakfield Primary School");
      await fillDate(action, "Due by", daysAgo(-3));
      await button(lado, "Save the record").click();
      await lado.getByText("Meeting recorded").waitFor();
      await lado.getByRole("rowheader", { name: ACTION }).waitFor();
      await expectAccessible(lado, "the meetings section with the meeting held");

      // The police are investigating, and have sent an update.
      await openSection(lado, "Police", "police");
      await expectAccessible(lado, "the police section before the police are recorded");
      await choose(lado, "What the police are doing", "Investigating");
      await field(lado, "Force (optional)").fill("Barsetshire Police");
      await field(lado, "Police reference (optional)").fill("BP-2026-0412");
      await field(lado, "Officer in the case (optional)").fill("DC Ruth Lane");
      await fillDate(lado, "Date the police were informed (optional)", daysAgo(2));
      await fillDate(lado, "Date the investigation opened (optional)", daysAgo(2));
      await button(lado, "Save police involvement").click();
      await lado.getByText("Police involvement saved").waitFor();
      await openDetails(lado, "Add an update from the police");
      await savePoliceUpdate(lado, {
        on: daysAgo(1),
        doing: "Investigating",
        said: "The child has been interviewed; the person will be interviewed next week.",
      });
      expect(await lado.locator("#police-delay").count()).toBe(0);
      await expectAccessible(lado, "the police section with the police investigating");

      // The employer suspends the person.
      await openSection(lado, "Employer", "employer");
      await expectAccessible(lado, "the employer section before the employer's actions");
      await answerSuspension(lado, daysAgo(1));
      await field(lado, "Rationale for suspension").fill("Police are investigating; supervision cannot keep the children safe.");
      await fillDate(lado, "Date the suspension was confirmed in writing (optional)", daysAgo(1));
      await choose(lado, "Was the person redeployed?", "No");
      await button(lado, "Save the employer's actions").click();
      await lado.getByText("The employer's actions are saved").waitFor();
      await expectAccessible(lado, "the employer section with the suspension");

      // My work: the action is due soon; the police are not flagged yet.
      await openHome(lado, "My work", "/my-work", "My work with an action due");
      const actionDue = rowOf(lado, "Actions overdue or due soon", reference);
      await actionDue.getByText(ACTION).waitFor();
      await actionDue.getByText("Due", { exact: true }).waitFor();
      expect(await rowOf(lado, "Meetings and reviews due", reference).count()).toBe(0);
      expect(await rowOf(lado, "Police delay", reference).count()).toBe(0);

      // A month passes with no word from the police. Time cannot pass in a
      // test, so only the police's dates move, in the database: informed,
      // opened and updated 30 days earlier than entered (still after the
      // contact came in). Nothing else is changed behind the pages' back.
      const police = await db.policeInvolvement.findUniqueOrThrow({ where: { caseId }, include: { updates: true } });
      const earlier = (d: Date | null) => d && new Date(d.getTime() - 30 * DAY_MS);
      await db.policeInvolvement.update({
        where: { id: police.id },
        data: { informedAt: earlier(police.informedAt), openedAt: earlier(police.openedAt) },
      });
      for (const update of police.updates) await db.policeUpdate.update({ where: { id: update.id }, data: { at: earlier(update.at)! } });

      await lado.reload();
      await arrive(lado, "My work", "/my-work");
      await rowOf(lado, "Police delay", reference)
        .getByText(/No update from the police since/)
        .waitFor();
      await rowOf(lado, "Actions overdue or due soon", reference).getByText(ACTION).waitFor();
      await expectAccessible(lado, "My work with the police-delay flag");

      // The team view (the manager's home page) shows the same, for that LADO.
      const manager = await pages.open();
      await signIn(manager, MANAGER_EMAIL, PASSWORD);
      await arrive(manager, "Team", "/team");
      await expectAccessible(manager, "the team view");
      await rowOf(manager, "Police delay", reference).getByRole("cell", { name: LADO_NAME }).waitFor();
      await field(manager, "LADO").selectOption({ label: LADO_NAME });
      await button(manager, "Show").click();
      await manager.getByText(`on the open cases allocated to ${LADO_NAME}`).waitFor();
      await rowOf(manager, "Police delay", reference)
        .getByText(/No update from the police since/)
        .waitFor();
      await rowOf(manager, "Actions overdue or due soon", reference).getByText(ACTION).waitFor();
      await expectAccessible(manager, "the team view filtered to the LADO");

      // The LADO follows the flag to the police, who take no further action.
      await follow(lado, "Police delay", "police");
      await lado
        .locator("#police-delay")
        .getByText(/No update from the police since/)
        .waitFor();
      await expectAccessible(lado, "the police section with the police-delay flag");
      await openDetails(lado, "Add an update from the police");
      await savePoliceUpdate(lado, {
        on: daysAgo(0),
        doing: "No further action",
        said: "No further action: the evidence does not meet the charging threshold.",
      });
      expect(await lado.locator("#police-delay").count()).toBe(0);

      // The action is done.
      await openSection(lado, "Meetings and actions", "meetings");
      await lado.getByRole("link", { name: `Update the action: ${ACTION}` }).click();
      await lado.getByRole("heading", { name: `Update the action: ${ACTION}` }).waitFor();
      await expectAccessible(lado, "the action's update form");
      await choose(lado, "Status", "Done");
      await field(lado, "Completion note").fill("The school's letter confirming the suspension arrived.");
      await button(lado, "Save the action").click();
      await lado.getByText("Action updated").waitFor();

      // The employer dismisses the person.
      await openSection(lado, "Employer", "employer");
      await openDetails(lado, "Change the employer's actions");
      await choose(lado, "The employer's final action", "Dismissal");
      await fillDate(lado, "Date of the final action", daysAgo(0));
      await button(lado, "Save the employer's actions").click();
      await lado.getByText("The employer's actions are saved").waitFor();

      // The outcome, the DBS referral it prompts, and the letter to the employer.
      await openSection(lado, "Outcome", "outcome");
      await expectAccessible(lado, "the outcome section before the outcome");
      await choose(lado, "Outcome", "Substantiated");
      await field(lado, "Rationale").fill(
        "The child's account was consistent and supported by a witness; the police's decision does not change it.",
      );
      await button(lado, "Save the outcome").click();
      await lado.getByText("Outcome recorded").waitFor();
      const prompt = lado.getByText("Refer to the Disclosure and Barring Service (DBS)");
      await prompt.waitFor();
      await expectAccessible(lado, "the outcome section with the DBS prompt");
      await referToDbs(lado, LADO_NAME, "DBS-0077");
      await choose(lado, "Send an outcome letter to", "The employer");
      await choose(lado, "How to send it", "Email");
      await field(lado, "If by email: email address").fill(EMPLOYER_EMAIL);
      await button(lado, "Send the letter").click();
      await lado.getByText(/^Outcome letter made and emailed to/).waitFor();
      await lado.getByRole("link", { name: /^outcome-letter-employer-/ }).waitFor();
      await expectAccessible(lado, "the outcome section with the letter sent");
      expect(await db.outboundMessage.count({ where: { caseId, toAddress: EMPLOYER_EMAIL } })).toBe(1);

      // Telling people: the person, and the parents of the outcome.
      await openSection(lado, "Telling people", "informing");
      await expectAccessible(lado, "the telling-people section");
      await lado.getByRole("link", { name: "Record the person told of the allegation" }).click();
      const person = lado.getByRole("region", { name: "The person told of the allegation" });
      await savePersonTold(person, daysAgo(1));
      await lado.getByRole("link", { name: "Record parents or carers told of the outcome" }).click();
      const parents = lado.getByRole("region", { name: "Parents or carers told of the outcome" });
      await choose(parents, "Was it done?", "Yes");
      await fillDate(parents, "Date done", daysAgo(0));
      await field(parents, "By whom").fill(`${LADO_NAME}, LADO`);
      await button(lado, "Save").click();
      await lado.getByText("Parents or carers told of the outcome: saved").waitFor();
      await expectAccessible(lado, "the telling-people section with two recorded");

      // The LADO proposes closure.
      await openSection(lado, "Closure", "closure");
      await expectAccessible(lado, "the closure section before closure");
      await field(lado, "Reason for closing").fill("Outcome reached, DBS referral made, letters sent and everyone told.");
      await button(lado, "Propose closure").click();
      await lado.getByText("Closure proposed: a manager will sign it off").waitFor();
      await expectAccessible(lado, "the closure section with closure proposed");

      // The manager sees it awaiting sign-off on the team view, and signs it off.
      await openHome(manager, "Team", "/team", "the team view with a closure to sign off");
      const awaiting = rowOf(manager, "Closures you can sign off", reference);
      await awaiting.waitFor();
      // Allocated to the LADO, and proposed by them.
      expect(await awaiting.getByRole("cell", { name: LADO_NAME, exact: true }).count()).toBe(2);
      expect(await rowOf(manager, "Police delay", reference).count()).toBe(0);
      await follow(manager, "Closures you can sign off", "closure");
      await sectionHeading(manager, "Closure").waitFor();
      await expectAccessible(manager, "the closure section awaiting sign-off");
      await button(manager, "Sign off closure").click();
      await manager.getByText("Closure signed off: the case is closed").waitFor();
      await manager.getByRole("heading", { level: 1 }).getByText("Closed").waitFor();
      const closed = await db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(closed.retentionReviewDate).not.toBeNull();
      expect(await valueOf(manager, "Retention review date").innerText()).toBe(calendarDate(closed.retentionReviewDate!));
      expect(await valueOf(manager, "Basis").innerText()).toBe(closed.retentionBasis);
      await expectAccessible(manager, "the closure section of the closed case");
      await openHome(manager, "Team", "/team", "the team view after the closure");
      expect(await manager.getByRole("link", { name: reference, exact: true }).count()).toBe(0);

      // The chronology lists the journey, in date order.
      await lado.reload();
      await heading(lado, new RegExp(reference)).getByText("Closed").waitFor();
      await openSection(lado, "Chronology", "chronology");
      await expectAccessible(lado, "the chronology of the closed case");
      const events = (await lado.locator("tbody tr").allInnerTexts()).join("\n");
      const journey = [
        "Contact received",
        "Initial consideration",
        "Threshold decision",
        "Evaluation (ASV) meeting scheduled",
        "Police informed",
        "Police investigation opened",
        "Police update: Investigating",
        "Evaluation (ASV) meeting held",
        `Action added: ${ACTION}`,
        "Suspended",
        "Suspension confirmed in writing",
        "The person told of the allegation",
        `Action done: ${ACTION}`,
        "Police update: No further action",
        "Employer's final action: Dismissal",
        "Outcome: Substantiated",
        "Referred to the Disclosure and Barring Service",
        "Outcome letter to the employer",
        "Parents or carers told of the outcome",
        "Closure proposed",
        "Closure signed off",
      ];
      for (const title of journey) expect(events, `the chronology lists "${title}"`).toContain(title);
      // The police's dates were entered as days: shown as days, with no made-up time.
      expect(events).toMatch(/Day only\s+Police informed/);
      // Oldest first: events on different days come in the order they happened.
      const inOrder = ["Contact received", "Police informed", "Evaluation (ASV) meeting held", "Closure proposed", "Closure signed off"];
      const positions = inOrder.map((title) => events.indexOf(title));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));

      // My work no longer lists the case.
      await openHome(lado, "My work", "/my-work", "My work after the closure");
      expect(await lado.getByRole("link", { name: reference, exact: true }).count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});

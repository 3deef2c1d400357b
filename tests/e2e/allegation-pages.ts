// Shared by the end-to-end tests of the allegation process
// (tests/e2e/allegation-*.test.ts): finding the case file's section headings,
// buttons, error summaries, "Change..." disclosures and the rows of the lists
// on "My work" and the team view, by role and name as a screen reader would;
// and the answers to the sections' forms that more than one test gives.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { choose, daysAgo, field, fillDate, group, type Day } from "./referral-pages";

/** A button by its exact name. */
export const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** Opens a GOV.UK details disclosure ("Add an update from the police", "Change the employer's actions"...) by its summary. */
export const openDetails = (page: Page, summary: string) => page.locator("summary", { hasText: summary }).click();

/** The heading of a case file section (the case's reference is the page's h1). */
export const sectionHeading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

/** The GOV.UK error summary at the top of a refused form. */
export const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

/** The row of a list on "My work" or the team view (a table with `caption`) that links to case `reference`. */
export const rowOf = (page: Page, caption: string, reference: string) =>
  page
    .getByRole("table", { name: caption })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: reference, exact: true }) });

// ---------------------------------------------------------------- answering the sections' forms

/** Schedules the evaluation meeting, online at 10:30 yesterday, chaired by `chair`. */
export async function scheduleEvaluationMeeting(page: Page, chair: string) {
  await choose(page, "Type of meeting", "Evaluation (ASV) meeting");
  await fillDate(page, "Date", daysAgo(1));
  await field(page, "Time").fill("10:30");
  await choose(page, "How is it held?", "Online");
  await field(page, "Where, or the link to join").fill("https://teams.example.org/meet/4471");
  await field(page, "Chair").fill(chair);
  await button(page, "Schedule the meeting").click();
  await page.getByText("Meeting scheduled").waitFor();
}

/** Saves an update from the police (its form already open). */
export async function savePoliceUpdate(page: Page, update: { on: Day; doing: string; said: string }) {
  await fillDate(page, "Date of the update", update.on);
  await choose(page, "What the police are doing now", update.doing);
  await field(page, "What the police said").fill(update.said);
  await button(page, "Save the update").click();
  await page.getByText("Update from the police recorded").waitFor();
}

/** The employer's actions up to the suspension: considered, redeployment rejected, suspended `on` as the chair of governors agreed. */
export async function answerSuspension(page: Page, on: Day) {
  await choose(page, "Was suspension considered?", "Yes");
  await field(group(page, "Alternatives to suspension considered"), "Redeployment").check();
  await field(page, "Why the alternatives were rejected").fill("No role away from pupils in a small school.");
  await choose(page, "Was the person suspended?", "Yes");
  await fillDate(page, "Date of suspension", on);
  await field(page, "Who agreed the suspension").fill("Chair of governors");
}

/** Records the referral to the DBS the outcome prompts, and waits for the prompt to go. */
export async function referToDbs(page: Page, by: string, reference: string) {
  const prompt = page.getByText("Refer to the Disclosure and Barring Service (DBS)");
  await field(page, "Referred to").selectOption("DBS");
  await field(page, "Who made the referral").fill(by);
  await field(page, "Their reference (optional)").fill(reference);
  await button(page, "Add the referral").click();
  await page.getByText("Referral to the Disclosure and Barring Service recorded").waitFor();
  await expect.poll(() => prompt.count()).toBe(0);
}

/** Saves "The person told of the allegation" in its `form`: done `on` by the head teacher, the police agreeing, social care not involved. */
export async function savePersonTold(form: Locator, on: Day) {
  const page = form.page();
  await choose(form, "Was it done?", "Yes");
  await fillDate(form, "Date done", on);
  await field(form, "By whom").fill("The head teacher");
  await choose(form, "Did the police agree before the person was told?", "Yes");
  await choose(form, "Did children's social care agree before the person was told?", "Not involved");
  await button(page, "Save").click();
  await page.getByText("The person told of the allegation: saved").waitFor();
}

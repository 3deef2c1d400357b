// The public referral form, page by page, through the real routes and database.
import { data } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { findDraft } from "~/referrals/drafts.server";
import * as check from "~/routes/refer.check";
import * as page from "~/routes/refer.$page";
import * as screener from "~/routes/refer.screener";
import * as sent from "~/routes/refer.sent";
import * as start from "~/routes/refer._index";
import { bodyOf, run, statusOf } from "./helpers";
import { dateFields, referralAnswers } from "./referral-answers";
import { completeAllPages, Referrer, type Form } from "./referrer";

const answers = referralAnswers();
const date = dateFields;

describe("the referral form", () => {
  it("takes a referral from start to finish: one transaction makes the case, referrer, person, children, audit event and emails", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer);
    const done = (await referrer.post(check.action, "/refer/check", { declaration: "yes" })) as Response;
    expect(done.headers.get("Location")).toBe("/refer/sent");
    const { reference } = bodyOf<{ reference: string }>((await run(sent.loader, referrer.request("/refer/sent"))).value);
    expect(reference).toMatch(/^LADO-\d{4}-\d{5}$/);

    const file = await db.case.findUniqueOrThrow({
      where: { reference },
      include: {
        referrer: { include: { organisation: true } },
        subject: { include: { employer: true } },
        children: true,
        auditEvents: true,
        messages: true,
      },
    });
    expect(file).toMatchObject({
      source: "ONLINE_FORM",
      loggedById: null,
      namedProfessional: true,
      reportedHarmCategories: ["PHYSICAL", "EMOTIONAL"],
      happenedOnline: false,
      // The screener's answers reach the case.
      screenerWorksWithChildren: "YES",
      screenerAboutConduct: "YES",
      childInImmediateDanger: false,
    });
    expect(file.employerAwareAt).not.toBeNull();
    expect(file.referrer).toMatchObject({
      type: "EMPLOYER",
      name: "Grace Okafor",
      email: "g.okafor@riverside.example.org",
      seniorManagerAware: "YES",
    });
    expect(file.referrer?.organisation).toMatchObject({ name: "Riverside Primary School", sector: "PRIMARY_SCHOOL" });
    expect(file.subject).toMatchObject({
      firstName: "Daniel",
      lastName: "Hughes",
      previousNames: ["Daniel Hughes-Brown", "Dan Brown"],
      jobTitle: "Teaching assistant",
      roleGroup: "TEACHING_ASSISTANT",
      ethnicGroup: "WHITE_BRITISH",
      sector: "PRIMARY_SCHOOL",
      employerName: null,
    });
    // The subject's employer is the same organisation record as the referrer's, now with its local authority.
    expect(file.subject?.employer).toMatchObject({ id: file.referrer?.organisationId, localAuthority: "Lambeth" });
    expect(file.subject?.dateOfBirth?.toISOString().slice(0, 10)).toBe("1988-02-14");
    expect(file.children).toMatchObject([{ ageYears: 9, sex: "FEMALE", setting: "Year 4", name: null }]);
    expect(file.auditEvents.map((e) => e.action)).toEqual(["referral.submit"]);
    expect(file.messages.map((m) => [m.template, m.toAddress]).sort()).toEqual([
      ["referral-receipt", "g.okafor@riverside.example.org"],
      ["referral-team-alert", "lado-team@example.org"],
    ]);
    expect(await findDraft(referrer.request("/refer/check"))).toBeNull();
  });

  it.each([
    ["a parent", "PARENT_CARER"],
    ["a child or young person", "CHILD_YOUNG_PERSON"],
    ["a member of the public", "MEMBER_OF_PUBLIC"],
    ["the person themselves", "SELF"],
  ] as const)("takes a referral from %s with no organisation, and asks none of the employer's questions", async (_, type) => {
    const referrer = new Referrer();
    await completeAllPages(referrer, {
      "who-you-are": { referrerType: type },
      "about-you": { referrerName: "Jo Bloggs", referrerRole: "", organisationName: "", organisationSector: "", seniorManagerAware: "" },
      "what-happened": { "employerAwareDate-day": "", "employerAwareDate-month": "", "employerAwareDate-year": "" },
      actions: { suspendedOrRedeployed: "" },
    });
    expect(statusOf(await referrer.post(check.action, "/refer/check", { declaration: "yes" }))).toBe(302);
    const { reference } = bodyOf<{ reference: string }>((await run(sent.loader, referrer.request("/refer/sent"))).value);
    const file = await db.case.findUniqueOrThrow({ where: { reference }, include: { referrer: true } });
    expect(file.referrer).toMatchObject({
      type,
      name: "Jo Bloggs",
      organisationId: null,
      organisationName: null,
      seniorManagerAware: null,
    });
    expect(file.suspendedOrRedeployed).toBeNull();
  });

  it("keeps nothing the referrer's type was not asked, whatever a stale or tampered page sent", async () => {
    const referrer = new Referrer();
    // The about-you page as an employer would fill it in, then the referrer says they are a parent.
    await completeAllPages(referrer, { "who-you-are": { referrerType: "PARENT_CARER" } });
    expect(statusOf(await referrer.post(check.action, "/refer/check", { declaration: "yes" }))).toBe(302);
    const { reference } = bodyOf<{ reference: string }>((await run(sent.loader, referrer.request("/refer/sent"))).value);
    const file = await db.case.findUniqueOrThrow({ where: { reference }, include: { referrer: true } });
    expect(file.referrer).toMatchObject({ type: "PARENT_CARER", role: null, organisationId: null, seniorManagerAware: null });
    expect(file.suspendedOrRedeployed).toBeNull();
  });

  // Each kind of referrer, with the employer's answers sent on every page (as a
  // stale page or a tampered post would): the case keeps only what that kind is asked.
  it.each([
    // [type, kept: name, role, organisation record, organisation as typed, employer's own answers]
    ["EMPLOYER", { name: true, role: true, record: true, typed: false, employer: true }],
    ["OTHER_PROFESSIONAL", { name: true, role: true, record: true, typed: false, employer: false }],
    ["PARENT_CARER", { name: true, role: false, record: false, typed: false, employer: false }],
    ["CHILD_YOUNG_PERSON", { name: true, role: false, record: false, typed: false, employer: false }],
    ["MEMBER_OF_PUBLIC", { name: true, role: false, record: false, typed: false, employer: false }],
    ["OTHER_LADO", { name: true, role: true, record: false, typed: true, employer: false }],
    ["REGULATOR", { name: true, role: true, record: false, typed: true, employer: false }],
    ["SELF", { name: true, role: false, record: false, typed: false, employer: false }],
    ["ANONYMOUS", { name: false, role: false, record: false, typed: false, employer: false }],
  ] as const)("takes a referral from %s into the case with only what they were asked", async (type, kept) => {
    const referrer = new Referrer();
    await completeAllPages(referrer, { "who-you-are": { referrerType: type } });
    expect(statusOf(await referrer.post(check.action, "/refer/check", { declaration: "yes" }))).toBe(302);
    const { reference } = bodyOf<{ reference: string }>((await run(sent.loader, referrer.request("/refer/sent"))).value);
    const file = await db.case.findUniqueOrThrow({
      where: { reference },
      include: { referrer: { include: { organisation: true } }, subject: { include: { employer: true } } },
    });
    const given = answers["about-you"]!;
    expect(file.referrer).toMatchObject({
      type,
      name: kept.name ? given.referrerName : null,
      email: kept.name ? String(given.referrerEmail).toLowerCase() : null,
      role: kept.role ? given.referrerRole : null,
      organisationName: kept.typed ? given.organisationName : null,
      seniorManagerAware: kept.employer ? "YES" : null,
    });
    expect(file.referrer?.organisation?.name ?? null).toBe(kept.record ? given.organisationName : null);
    expect(file.employerAwareAt !== null).toBe(kept.employer);
    expect(file.suspendedOrRedeployed).toBe(kept.employer ? "NO" : null);
    // Whoever refers, the person's employer is an organisation with its sector and area.
    expect(file.subject?.employer).toMatchObject({ name: "Riverside Primary School", sector: "PRIMARY_SCHOOL", localAuthority: "Lambeth" });
    expect(file).toMatchObject({ screenerWorksWithChildren: "YES", screenerAboutConduct: "YES", childInImmediateDanger: false });
  });

  it("takes an anonymous referral with no name or contact details", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer, {
      "who-you-are": { referrerType: "ANONYMOUS" },
      "about-you": {
        referrerName: "",
        referrerRole: "",
        organisationName: "",
        organisationSector: "",
        referrerPhone: "",
        referrerEmail: "",
      },
    });
    expect(statusOf(await referrer.post(check.action, "/refer/check", { declaration: "yes" }))).toBe(302);
  });

  it("asks another LADO for their authority, and a professional for a phone number or an email address", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.page("who-you-are", { referrerType: "OTHER_LADO" });
    const missing = await referrer.page("about-you", { referrerName: "Sam Ali", referrerRole: "LADO" });
    expect(bodyOf<{ errors: Record<string, string> }>(missing).errors).toEqual({
      organisationName: "Enter your local authority",
      referrerPhone: "Enter a telephone number or an email address so we can reach you",
    });
  });

  it("lists an empty page's errors in the order the page asks the questions, a check across fields in its field's place", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.page("who-you-are", { referrerType: "EMPLOYER" });
    const empty = await referrer.page("about-you", { referrerName: "", referrerPhone: "", referrerEmail: "" });
    expect(Object.keys(bodyOf<{ errors: Record<string, string> }>(empty).errors)).toEqual([
      "referrerName",
      "referrerRole",
      "organisationName",
      "organisationSector",
      "referrerPhone",
      "seniorManagerAware",
    ]);
  });

  it("needs an employer to say when it found out, which starts the statutory clock", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.page("who-you-are", { referrerType: "EMPLOYER" });
    const result = await referrer.page("what-happened", {
      ...answers["what-happened"],
      "employerAwareDate-day": "",
      "employerAwareDate-month": "",
      "employerAwareDate-year": "",
    });
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(result).errors).toEqual({
      employerAwareDate: "Enter the date your organisation found out",
    });
  });

  it("refuses an unknown sector code in a tampered post with a clear message, and keeps the draft", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.page("who-you-are", { referrerType: "EMPLOYER" });
    const result = await referrer.page("person", { ...answers.person, subjectEmployerSector: "MOON_BASE" });
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(result).errors).toEqual({ subjectEmployerSector: "Choose the type of setting" });
    expect(await findDraft(referrer.request("/refer/person"))).not.toBeNull();
  });

  it("keeps everything typed on an error, on a refresh, and after going back", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const typed = { ...answers["about-you"], referrerEmail: "not an email", referrerName: "" };
    const failed = await referrer.page("about-you", typed);
    expect(statusOf(failed)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(failed).errors).toEqual({
      referrerName: "Enter your full name",
      referrerEmail: "Enter an email address in the correct format, like name@example.org",
    });
    const again = await run(page.loader, referrer.request("/refer/about-you"), { page: "about-you" });
    expect(bodyOf<{ values: Form }>(again.value).values).toMatchObject({
      referrerEmail: "not an email",
      organisationName: "Riverside Primary School",
    });
  });

  it("stores and shows back unicode, emoji, right-to-left text and HTML exactly as typed", async () => {
    const referrer = new Referrer();
    const summary = `<script>alert("x")</script> Ahmed said «ça va» 👋🏽 — مرحبا بالعالم ${"é".repeat(3000)}`;
    await completeAllPages(referrer, {
      "what-happened": { summary },
      person: { subjectFirstName: "Zoë 🌈", subjectLastName: "O'Brien-שלום" },
    });
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    const file = await db.case.findFirstOrThrow({ where: { summary }, include: { subject: true } });
    expect(file.summary).toBe(summary);
    expect(file.subject?.firstName).toBe("Zoë 🌈");
    expect(file.subject?.lastName).toBe("O'Brien-שלום");
  });

  it.each([
    [
      "person",
      { ...date("subjectDateOfBirth", "2015-01-01") },
      "subjectDateOfBirth",
      "Check the date of birth: it makes the person under 16. Leave it blank if you do not know it",
    ],
    [
      "person",
      { ...date("subjectDateOfBirth", "1900-01-01") },
      "subjectDateOfBirth",
      "Check the date of birth: it makes the person over 100. Leave it blank if you do not know it",
    ],
    ["person", { ...date("subjectDateOfBirth", "1990-02-30") }, "subjectDateOfBirth", "Date of birth must be a real date, like 27 3 2026"],
    ["what-happened", { ...date("incidentDate", "2099-01-01") }, "incidentDate", "Date of the incident must be today or in the past"],
    ["what-happened", { summary: "x".repeat(20_001) }, "summary", "What happened must be 20,000 characters or fewer"],
    [
      "person",
      { namedProfessional: "yes", subjectFirstName: "", subjectLastName: "" },
      "subjectLastName",
      "Enter the person's name, or choose advice only for now",
    ],
    ["children", { "childAge-1": "19" }, "childAge-1", "Enter the child's age at the time, from 0 to 17"],
    ["about-you", { organisationSector: "SPACESHIP" }, "organisationSector", "Choose the type of organisation"],
  ])("on %s, %j gives a clear message next to the field", async (slug, override, field, message) => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.page("who-you-are", answers["who-you-are"]!);
    const result = await referrer.page(slug, { ...answers[slug], ...override });
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(result).errors[field]).toBe(message);
  });

  it("lets a referrer give no name for the person", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer, { person: { namedProfessional: "no", subjectFirstName: "", subjectLastName: "" } });
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    const file = await db.case.findFirstOrThrow({ where: { namedProfessional: false }, include: { subject: true } });
    expect(file.subject).toMatchObject({ firstName: null, lastName: null, jobTitle: "Teaching assistant" });
  });

  it("adds another child without losing the first", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const added = (await referrer.page("children", { ...answers.children, intent: "add-child" })) as Response;
    expect(added.headers.get("Location")).toBe("/refer/children#childAge-2");
    const shown = bodyOf<{ childCount: number; values: Form }>(
      (await run(page.loader, referrer.request("/refer/children"), { page: "children" })).value,
    );
    expect(shown.childCount).toBe(2);
    expect(shown.values["childAge-1"]).toBe("9");
  });

  it("refuses a tampered form with a clear error and keeps the draft", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const { value } = await run(page.action, referrer.request("/refer/about-you", { ...answers["about-you"], csrf: "forged" }), {
      page: "about-you",
    });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<{ message: string }>(value).message).toBe("tampered");
    expect(await findDraft(referrer.request("/refer/about-you"))).not.toBeNull();
  });

  it("a replayed submission creates nothing more and goes to the confirmation", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer);
    const csrf = await referrer.csrf();
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    const before = await db.case.count();
    const replay = await run(check.action, referrer.request("/refer/check", { csrf, declaration: "yes" }));
    expect((replay.value as Response).headers.get("Location")).toBe("/refer/sent");
    expect(await db.case.count()).toBe(before);
  });

  it("five submits at once make one case, and every one of them shows the confirmation with its reference", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer);
    const csrf = await referrer.csrf();
    const before = await db.case.count();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => run(check.action, referrer.request("/refer/check", { csrf, declaration: "yes" }))),
    );
    expect(await db.case.count()).toBe(before + 1);
    const references = new Set<string>();
    for (const { value } of results) {
      expect(statusOf(value)).toBe(302);
      expect((value as Response).headers.get("Location")).toBe("/refer/sent");
      const confirmation = new Referrer(referrer.address);
      confirmation.keep(value);
      references.add(bodyOf<{ reference: string }>((await run(sent.loader, confirmation.request("/refer/sent"))).value).reference);
    }
    expect(references.size).toBe(1);
    const [reference] = references;
    expect(await db.case.count({ where: { reference } })).toBe(1);
  });

  it("a replay of the old request after sending (the draft's own cookie) shows the reference, not 'expired'", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer);
    const csrf = await referrer.csrf();
    const draftCookie = referrer.cookie;
    await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    const reference = bodyOf<{ reference: string }>((await run(sent.loader, referrer.request("/refer/sent"))).value).reference;

    const replaying = new Referrer(referrer.address);
    replaying.cookie = draftCookie;
    const replay = replaying.keep((await run(check.action, replaying.request("/refer/check", { csrf, declaration: "yes" }))).value);
    expect((replay as Response).headers.get("Location")).toBe("/refer/sent");
    expect(bodyOf<{ reference: string }>((await run(sent.loader, replaying.request("/refer/sent"))).value).reference).toBe(reference);
    // The sent draft keeps nothing the referrer typed.
    const draft = await db.referralDraft.findFirstOrThrow({ where: { submittedReference: reference } });
    expect(draft.answers).toEqual({});
  });

  it("needs the declaration, and turns away a robot that fills in the hidden field", async () => {
    const referrer = new Referrer();
    await completeAllPages(referrer);
    const before = await db.case.count();
    const undeclared = await referrer.post(check.action, "/refer/check", {});
    expect(bodyOf<{ errors: Record<string, string> }>(undeclared).errors.declaration).toMatch(/^Confirm the information/);
    const robot = await referrer.post(check.action, "/refer/check", { declaration: "yes", website: "http://spam.example" });
    expect(statusOf(robot)).toBe(400);
    expect(await db.case.count()).toBe(before);
  });

  it("sends the referrer back to the first page with a problem if a page was skipped", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.post(screener.action, "/refer/screener", { worksWithChildren: "yes", aboutConduct: "yes", immediateDanger: "no" });
    await referrer.page("who-you-are", answers["who-you-are"]!);
    await referrer.page("about-you", answers["about-you"]!);
    const result = await referrer.post(check.action, "/refer/check", { declaration: "yes" });
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(result).errors).toEqual({
      "page-person": "The person the concern is about: Say whether you can give the person's name",
    });
  });

  it("sends a referrer who skipped the screener to it", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    await referrer.page("who-you-are", answers["who-you-are"]!);
    const result = (await referrer.post(check.action, "/refer/check", { declaration: "yes" })) as Response;
    expect(result.headers.get("Location")).toBe("/refer/screener");
  });

  it("limits submissions per client address per hour", async () => {
    const address = "203.0.113.77";
    for (let i = 0; i < 10; i++) {
      const referrer = new Referrer(address);
      await completeAllPages(referrer);
      expect(statusOf(await referrer.post(check.action, "/refer/check", { declaration: "yes" }))).toBe(302);
    }
    const eleventh = new Referrer(address);
    await completeAllPages(eleventh);
    const refused = await eleventh.post(check.action, "/refer/check", { declaration: "yes" });
    expect(statusOf(refused)).toBe(429);
    expect(await findDraft(eleventh.request("/refer/check"))).not.toBeNull(); // kept to send later
  }, 60_000);

  it("limits how many referrals one client address may start in an hour", async () => {
    const address = "203.0.113.78";
    for (let i = 0; i < 20; i++) {
      const { value } = await run(start.action, new Referrer(address).request("/refer", {}));
      expect(statusOf(value)).toBe(302);
    }
    const { value } = await run(start.action, new Referrer(address).request("/refer", {}));
    expect(statusOf(value)).toBe(429);
    expect(bodyOf<{ message: string }>(value).message).toBe("rate-limited");
    // Another address is not affected.
    expect(statusOf((await run(start.action, new Referrer("203.0.113.79").request("/refer", {}))).value)).toBe(302);
  });

  it("sends an expired draft back to the start, saying why", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const draft = await findDraft(referrer.request("/refer/about-you"));
    await db.referralDraft.update({ where: { id: draft!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { value } = await run(page.loader, referrer.request("/refer/about-you"), { page: "about-you" });
    expect((value as Response).headers.get("Location")).toBe("/refer?expired=1");
  });

  it("keeps what the referrer typed when the database is unavailable: the page again with the answers and a notice (503)", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const csrf = await referrer.csrf();
    // The database goes away: reading the draft and saving the page both fail as the app's client fails then.
    const drafts = db.referralDraft as unknown as Record<"findUnique" | "updateMany", unknown>;
    const working = { findUnique: drafts.findUnique, updateMany: drafts.updateMany };
    drafts.findUnique = drafts.updateMany = () => Promise.reject(data({ message: "unavailable" }, { status: 503 }));
    try {
      const typed = { ...answers["about-you"]!, csrf };
      const { value, thrown } = await run(page.action, referrer.request("/refer/about-you", typed), { page: "about-you" });
      expect(thrown).toBe(false);
      expect(statusOf(value)).toBe(503);
      const body = bodyOf<{ unavailable: boolean; values: Form }>(value);
      expect(body.unavailable).toBe(true);
      expect(body.values).toMatchObject(answers["about-you"]!);
      // The page itself still shows, with its token, to send again.
      const shown = await run(page.loader, referrer.request("/refer/about-you"), { page: "about-you" });
      expect(statusOf(shown.value)).toBe(503);
      expect(bodyOf<{ offline: boolean; csrf: string }>(shown.value)).toMatchObject({ offline: true, csrf });
    } finally {
      Object.assign(drafts, working);
    }
    // Back again: the same answers are taken.
    expect(statusOf(await referrer.page("about-you", answers["about-you"]!))).toBe(302);
  });

  it("answers 404 for a page that does not exist", async () => {
    const referrer = new Referrer();
    await referrer.begin();
    const { value } = await run(page.loader, referrer.request("/refer/nope"), { page: "nope" });
    expect(statusOf(value)).toBe(404);
  });
});

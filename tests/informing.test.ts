// The telling-people section of an allegation: each kind done on a date by
// someone (the person told: whether police and social care agreed first), or
// not done with a reason; versioned, audited, dates on the case only.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as section from "~/routes/cases.$reference.informing/route";
import { londonMoment } from "~/utils/dates";
import { createCase } from "./factories";
import { bodyOf, caseSection, dateFields, daysAgo, type FormAnswer, signedIn, statusOf } from "./helpers";

const { view, post } = caseSection(section, "informing");

const allegation = () => createCase(db, { receivedAt: londonMoment(daysAgo(30)), decisions: [{ category: "ALLEGATION" }] });

const subjectTold = (version: string, fields: Record<string, string> = {}) => ({
  kind: "SUBJECT_TOLD",
  version,
  done: "yes",
  ...dateFields("doneOn", daysAgo(20)),
  byWhom: "Head teacher, with the LADO's agreement",
  policeAgreed: "yes",
  socialCareAgreed: "not-involved",
  ...fields,
});

describe("telling people", () => {
  it("records the person told with who and whether police and social care agreed, then changes it to not done", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, subjectTold("0"));
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe(`/cases/${file.reference}/informing#SUBJECT_TOLD`);
    const row = await db.informing.findUniqueOrThrow({ where: { caseId_kind: { caseId: file.id, kind: "SUBJECT_TOLD" } } });
    expect(row).toMatchObject({
      version: 1,
      done: true,
      doneOn: new Date(`${daysAgo(20)}T00:00:00Z`),
      byWhom: "Head teacher, with the LADO's agreement",
      policeAgreed: true,
      socialCareAgreed: null,
      notDoneReason: null,
      recordedById: lado.user.id,
    });

    const { value: changed } = await post(lado, file.reference, {
      kind: "SUBJECT_TOLD",
      version: "1",
      done: "no",
      notDoneReason: "Police asked that he is not told until after his interview.",
      byWhom: "left over",
    });
    expect(statusOf(changed)).toBe(302);
    expect(await db.informing.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      version: 2,
      done: false,
      doneOn: null,
      byWhom: null,
      policeAgreed: null,
      notDoneReason: "Police asked that he is not told until after his interview.",
    });
    const events = await db.auditEvent.findMany({ where: { caseId: file.id, action: "informing.record" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.subjectType, e.subjectId, e.details])).toEqual([
      ["informing", row.id, { version: 1, changed: ["done", "doneOn", "byWhom", "policeAgreed"] }],
      ["informing", row.id, { version: 2, changed: ["done", "doneOn", "byWhom", "policeAgreed", "notDoneReason"] }],
    ]);

    const page = await view(lado, file.reference, "?kind=PARENTS_TOLD_OF_ALLEGATION");
    expect(page.editing).toBe("PARENTS_TOLD_OF_ALLEGATION");
    expect(page.file.informing).toEqual([expect.objectContaining({ kind: "SUBJECT_TOLD", done: false, version: 2 })]);
  });

  it("keeps the kinds apart: parents told of the allegation and the outcome, and the child's feedback", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    for (const kind of ["PARENTS_TOLD_OF_ALLEGATION", "PARENTS_TOLD_OF_OUTCOME", "CHILD_FEEDBACK"]) {
      const form = { kind, version: "0", done: "yes", ...dateFields("doneOn", daysAgo(2)), byWhom: "The LADO", policeAgreed: "no" };
      expect(statusOf((await post(lado, file.reference, form)).value)).toBe(302);
    }
    const rows = await db.informing.findMany({ where: { caseId: file.id }, orderBy: { kind: "asc" } });
    // Only the person's telling asks about agreement.
    expect(rows.map((r) => [r.kind, r.done, r.policeAgreed])).toEqual([
      ["PARENTS_TOLD_OF_ALLEGATION", true, null],
      ["PARENTS_TOLD_OF_OUTCOME", true, null],
      ["CHILD_FEEDBACK", true, null],
    ]);
  });

  it("asks for the date, who and the agreements when done, and the reason when not; dates only on the case", async () => {
    const file = await allegation();
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, file.reference, { kind: "SUBJECT_TOLD", version: "0", done: "yes", byWhom: "" });
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<FormAnswer>(value).errors).toEqual({
      doneOn: "Enter the date it was done",
      byWhom: "Enter who did it",
      policeAgreed: "Select whether the police agreed before the person was told",
      socialCareAgreed: "Select whether children's social care agreed before the person was told",
    });
    const { value: early } = await post(lado, file.reference, subjectTold("0", dateFields("doneOn", daysAgo(31))));
    expect(bodyOf<FormAnswer>(early).errors).toEqual({
      doneOn: expect.stringMatching(/^The date must be on or after the day the contact was received/),
    });
    const { value: future } = await post(lado, file.reference, subjectTold("0", dateFields("doneOn", daysAgo(-1))));
    expect(bodyOf<FormAnswer>(future).errors).toEqual({ doneOn: "The date must be today or in the past" });
    const { value: why } = await post(lado, file.reference, { kind: "CHILD_FEEDBACK", version: "0", done: "no", notDoneReason: " " });
    expect(bodyOf<FormAnswer>(why).errors).toEqual({ notDoneReason: "Enter why it was not done" });
    expect(bodyOf<FormAnswer>(why).values).toMatchObject({ kind: "CHILD_FEEDBACK", done: "no" });
    const { value: nothing } = await post(lado, file.reference, { kind: "CHILD_FEEDBACK", version: "0" });
    expect(bodyOf<FormAnswer>(nothing).errors).toEqual({ done: "Select whether this was done" });
    expect(await db.informing.count({ where: { caseId: file.id } })).toBe(0);
  });

  it("refuses a save from an old version, saying who changed what", async () => {
    const file = await allegation();
    const first = await signedIn(["LADO"]);
    const second = await signedIn(["LADO"]);
    await post(first, file.reference, subjectTold("0"));
    await post(first, file.reference, subjectTold("1", { byWhom: "Deputy head" }));
    const { value } = await post(second, file.reference, subjectTold("1", { policeAgreed: "no" }));
    expect(statusOf(value)).toBe(409);
    const answer = bodyOf<FormAnswer>(value);
    expect(answer.errors.version).toMatch(new RegExp(`${first.user.name} changed By whom at `));
    expect(answer.values).toMatchObject({ policeAgreed: "no", version: "2" });
    expect(await db.informing.findFirstOrThrow({ where: { caseId: file.id } })).toMatchObject({
      policeAgreed: true,
      byWhom: "Deputy head",
    });
  });

  it("is refused to business support (403), who may read it, and on a case that is not an allegation", async () => {
    const file = await allegation();
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf((await post(support, file.reference, subjectTold("0"))).value)).toBe(403);
    const page = await view(support, file.reference, "?kind=SUBJECT_TOLD");
    expect(page).toMatchObject({ canWrite: false, editing: null });

    const advice = await createCase(db, { decisions: [{ category: "ADVICE" }] });
    const lado = await signedIn(["LADO"]);
    const { value } = await post(lado, advice.reference, subjectTold("0"));
    expect(statusOf(value)).toBe(409);
    expect(await db.informing.count({ where: { caseId: { in: [file.id, advice.id] } } })).toBe(0);
  });
});

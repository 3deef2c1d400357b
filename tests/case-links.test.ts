// Contacts about one matter: each later contact names the matter's first
// (the earliest received), never another later one; linking joins matters;
// refused links are field errors keeping what was typed; unlinking is
// audited; both cases show the link on their summary.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as summary from "~/routes/cases.$reference._index/route";
import * as linkPage from "~/routes/cases.$reference_.link";
import { takeFlash } from "~/utils/flash.server";
import { createCase } from "./factories";
import { bodyOf, request, run, signedIn, statusOf, type Caller } from "./helpers";

type Failure = { errors: Record<string, string>; values: Record<string, string | string[]> };

let day = 0;
/** Contacts received in the order made, a day apart. */
const contact = () => createCase(db, { receivedAt: new Date(Date.UTC(2026, 0, 5 + day++, 10)) });

function link(caller: Caller, reference: string, form: Record<string, string>) {
  return run(linkPage.action, request(`/cases/${reference}/link`, { caller, form }), { reference });
}

/** caseId -> the first contact's reference, for every link touching these cases. */
async function links(...cases: { id: string; reference: string }[]) {
  const rows = await db.caseLink.findMany({
    where: { caseId: { in: cases.map((c) => c.id) } },
    select: { case: { select: { reference: true } }, sameMatterAs: { select: { reference: true } }, reason: true, note: true },
  });
  return Object.fromEntries(rows.map((r) => [r.case.reference, r.sameMatterAs.reference]));
}

const linkEvents = (id: string) =>
  db.auditEvent.findMany({
    where: { action: "case.link", subjectId: id },
    orderBy: { id: "asc" },
    select: { userId: true, details: true },
  });

async function flashOf(value: unknown) {
  const cookie = (value as Response).headers.get("Set-Cookie")!.split(";")[0]!;
  return (await takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).message;
}

describe("linking contacts", () => {
  it("links a later contact to the first, audited, with the reason and note kept", async () => {
    const lado = await signedIn(["LADO"]);
    const [first, later] = [await contact(), await contact()];
    const { value } = await link(lado, later.reference, {
      reference: first.reference,
      reason: "SECOND_REFERRER",
      note: "Head teacher rang too.",
    });
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe(`/cases/${later.reference}`);
    expect(await flashOf(value)).toBe(`${later.reference} and ${first.reference} linked: the matter's first contact is ${first.reference}`);
    const row = await db.caseLink.findUniqueOrThrow({ where: { caseId: later.id } });
    expect(row).toMatchObject({
      sameMatterAsId: first.id,
      reason: "SECOND_REFERRER",
      note: "Head teacher rang too.",
      linkedById: lado.user.id,
    });
    expect(await links(first)).toEqual({});
    expect(await linkEvents(later.id)).toEqual([
      {
        userId: lado.user.id,
        details: { action: "link", other: first.id, sameMatterAs: first.id, reason: "SECOND_REFERRER", moved: 0 },
      },
    ]);
  });

  it("keeps the earlier-received contact first whichever way round it is linked, and takes a reference in any case", async () => {
    const lado = await signedIn(["LADO"]);
    const [first, later] = [await contact(), await contact()];
    const { value } = await link(lado, first.reference, { reference: later.reference.toLowerCase(), reason: "DUPLICATE" });
    expect(statusOf(value)).toBe(302);
    expect(await links(first, later)).toEqual({ [later.reference]: first.reference });
    expect((await db.caseLink.findUniqueOrThrow({ where: { caseId: later.id } })).reason).toBe("DUPLICATE");
  });

  it("links to the matter's first when the other is itself a later contact", async () => {
    const lado = await signedIn(["LADO"]);
    const [r, a, b] = [await contact(), await contact(), await contact()];
    await link(lado, a.reference, { reference: r.reference, reason: "SECOND_REFERRER" });
    await link(lado, b.reference, { reference: a.reference, reason: "DUPLICATE" });
    expect(await links(r, a, b)).toEqual({ [a.reference]: r.reference, [b.reference]: r.reference });
  });

  it("moves a first contact's later ones to an earlier first it is linked to", async () => {
    const lado = await signedIn(["LADO"]);
    const [earliest, second, third, fourth] = [await contact(), await contact(), await contact(), await contact()];
    await link(lado, fourth.reference, { reference: second.reference, reason: "DUPLICATE" });
    await link(lado, third.reference, { reference: second.reference, reason: "SECOND_REFERRER" });
    // second is now a first with two later contacts; linking it to an earlier contact moves them all.
    const { value } = await link(lado, second.reference, { reference: earliest.reference, reason: "SAME_MATTER", note: "Same pupil." });
    expect(statusOf(value)).toBe(302);
    expect(await links(earliest, second, third, fourth)).toEqual({
      [second.reference]: earliest.reference,
      [third.reference]: earliest.reference,
      [fourth.reference]: earliest.reference,
    });
    // The later contacts moved keep their own reasons.
    const reasons = await db.caseLink.findMany({
      where: { sameMatterAsId: earliest.id },
      select: { caseId: true, reason: true, note: true },
    });
    expect(Object.fromEntries(reasons.map((r) => [r.caseId, [r.reason, r.note]]))).toEqual({
      [second.id]: ["SAME_MATTER", "Same pupil."],
      [third.id]: ["SECOND_REFERRER", null],
      [fourth.id]: ["DUPLICATE", null],
    });
    expect((await linkEvents(second.id)).at(-1)?.details).toMatchObject({ action: "link", sameMatterAs: earliest.id, moved: 2 });
  });

  it("joins two matters under the earlier first when a later contact is linked across", async () => {
    const lado = await signedIn(["LADO"]);
    const [a, r, b, c] = [await contact(), await contact(), await contact(), await contact()];
    await link(lado, b.reference, { reference: r.reference, reason: "DUPLICATE" });
    await link(lado, c.reference, { reference: a.reference, reason: "DUPLICATE" });
    // b (in r's matter) is about the same matter as c (in a's): all four are one matter, a first.
    expect(statusOf((await link(lado, b.reference, { reference: c.reference, reason: "SECOND_REFERRER" })).value)).toBe(302);
    expect(await links(a, r, b, c)).toEqual({ [r.reference]: a.reference, [b.reference]: a.reference, [c.reference]: a.reference });
  });
});

describe("refused links", () => {
  it("refuses an unknown reference, the contact itself and one in its matter already, keeping what was typed", async () => {
    const lado = await signedIn(["LADO"]);
    const [first, later, third] = [await contact(), await contact(), await contact()];
    await link(lado, later.reference, { reference: first.reference, reason: "DUPLICATE" });
    await link(lado, third.reference, { reference: first.reference, reason: "DUPLICATE" });
    const cases: [string, string, string][] = [
      [later.reference, "LADO-1999-99999", "There is no contact LADO-1999-99999"],
      [later.reference, later.reference, `${later.reference} is this contact: enter the reference of another one`],
      [later.reference, first.reference, `${first.reference} is already about the same matter as this contact`],
      [later.reference, third.reference, `${third.reference} is already about the same matter as this contact`],
      [first.reference, third.reference, `${third.reference} is already about the same matter as this contact`],
    ];
    for (const [on, typed, message] of cases) {
      const form = { reference: typed, reason: "SECOND_REFERRER", note: "Rang twice." };
      const { value } = await link(lado, on, form);
      expect(statusOf(value)).toBe(400);
      expect(bodyOf<Failure>(value)).toMatchObject({ errors: { reference: message }, values: form });
    }
    expect(await links(first, later, third)).toEqual({ [later.reference]: first.reference, [third.reference]: first.reference });
    expect(await linkEvents(first.id)).toEqual([]);
  });

  it("asks for a reference and a reason on an empty form, and 403s those who may not change the case", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await contact();
    const { value } = await link(lado, file.reference, {});
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<Failure>(value).errors).toEqual({
      reference: "Enter the reference of the other contact",
      reason: "Select why they are about the same matter",
    });
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf((await link(support, file.reference, { reference: "LADO-1999-99999", reason: "DUPLICATE" })).value)).toBe(403);
    expect(statusOf((await link(lado, "LADO-1999-99998", { reference: file.reference, reason: "DUPLICATE" })).value)).toBe(404);
  });
});

describe("unlinking", () => {
  it("takes a later contact out of its matter, audited, and says so when it was not linked", async () => {
    const manager = await signedIn(["MANAGER"]);
    const [first, later] = [await contact(), await contact()];
    await link(manager, later.reference, { reference: first.reference, reason: "DUPLICATE" });
    const { value } = await link(manager, later.reference, { intent: "unlink" });
    expect(statusOf(value)).toBe(302);
    expect(await flashOf(value)).toBe(`${later.reference} is no longer linked to another contact`);
    expect(await links(first, later)).toEqual({});
    expect((await linkEvents(later.id)).at(-1)).toEqual({
      userId: manager.user.id,
      details: { action: "unlink", sameMatterAs: first.id, reason: "DUPLICATE" },
    });
    const again = await link(manager, later.reference, { intent: "unlink" });
    expect(await flashOf(again.value)).toBe(`${later.reference} was not linked to another contact`);
    expect(await linkEvents(later.id)).toHaveLength(2);
  });
});

describe("where links show", () => {
  it("shows 'same matter as' on the later contact and 'also about this matter' on the first, and the link page audits its view", async () => {
    const lado = await signedIn(["LADO"]);
    const [first, later] = [await contact(), await contact()];
    await link(lado, later.reference, { reference: first.reference, reason: "SECOND_REFERRER", note: "Both about Mr Hughes." });

    type Summary = {
      canLink: boolean;
      file: {
        sameMatterAs: { reason: string; note: string | null; sameMatterAs: { reference: string } } | null;
        sameMatterContacts: { reason: string; case: { reference: string } }[];
      };
    };
    const read = async (caller: Caller, reference: string) =>
      bodyOf<Summary>((await run(summary.loader, request(`/cases/${reference}`, { caller }), { reference })).value);

    const onLater = await read(lado, later.reference);
    expect(onLater.canLink).toBe(true);
    expect(onLater.file.sameMatterAs).toMatchObject({
      reason: "SECOND_REFERRER",
      note: "Both about Mr Hughes.",
      sameMatterAs: { reference: first.reference },
    });
    expect(onLater.file.sameMatterContacts).toEqual([]);

    const onFirst = await read(await signedIn(["BUSINESS_SUPPORT"]), first.reference);
    expect(onFirst.canLink).toBe(false);
    expect(onFirst.file.sameMatterAs).toBeNull();
    expect(onFirst.file.sameMatterContacts).toEqual([{ reason: "SECOND_REFERRER", case: { reference: later.reference } }]);

    const page = await run(linkPage.loader, request(`/cases/${first.reference}/link`, { caller: lado }), { reference: first.reference });
    expect(statusOf(page.value)).toBe(200);
    const views = await db.auditEvent.findMany({ where: { action: "case.view", subjectId: first.id, userId: lado.user.id } });
    expect(views.map((v) => v.details)).toEqual([{ section: "link" }]);
  });
});

// Who has a contact: a manager allocates it to any active LADO, a LADO takes
// one nobody has (of two at once, exactly one), each change audited with
// from and to; the triage queue and the case header show it.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as allocate from "~/routes/cases.$reference_.allocate";
import * as caseFile from "~/routes/cases.$reference/route";
import * as triagePage from "~/routes/triage";
import { triageQueue } from "~/triage/queue.server";
import { takeFlash } from "~/utils/flash.server";
import { createCase, createUser } from "./factories";
import { bodyOf, request, run, signedIn, statusOf, type Caller } from "./helpers";

type Failure = { errors: Record<string, string>; values: Record<string, string | string[]> };

function post(caller: Caller, reference: string, form: Record<string, string>, from?: "triage") {
  const path = `/cases/${reference}/allocate${from ? `?from=${from}` : ""}`;
  return run(allocate.action, request(path, { caller, form }), { reference });
}

async function flashOf(value: unknown) {
  const cookie = (value as Response).headers.get("Set-Cookie")!.split(";")[0]!;
  return (await takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).message;
}

const allocationOf = (id: string) => db.case.findUniqueOrThrow({ where: { id }, select: { allocatedToId: true, allocatedAt: true } });
const eventsAbout = (id: string) =>
  db.auditEvent.findMany({
    where: { action: "case.allocate", subjectId: id },
    orderBy: { id: "asc" },
    select: { userId: true, details: true, caseId: true },
  });

describe("a manager allocating", () => {
  it("allocates a contact to a LADO, moves it to another, and audits each change with from and to", async () => {
    const manager = await signedIn(["MANAGER"]);
    const [first, second] = [await createUser(db, { roles: ["LADO"] }), await createUser(db, { roles: ["LADO", "MANAGER"] })];
    const file = await createCase(db);

    const given = await post(manager, file.reference, { intent: "allocate", lado: first.id });
    expect(statusOf(given.value)).toBe(302);
    expect((given.value as Response).headers.get("Location")).toBe(`/cases/${file.reference}`);
    expect(await flashOf(given.value)).toBe(`${file.reference} allocated to ${first.name}`);
    const after = await allocationOf(file.id);
    expect(after.allocatedToId).toBe(first.id);
    expect(after.allocatedAt).toBeInstanceOf(Date);

    const moved = await post(manager, file.reference, { intent: "allocate", lado: second.id }, "triage");
    expect((moved.value as Response).headers.get("Location")).toBe("/triage");
    expect((await allocationOf(file.id)).allocatedToId).toBe(second.id);

    // The same LADO again changes nothing and records nothing.
    const again = await post(manager, file.reference, { intent: "allocate", lado: second.id });
    expect(await flashOf(again.value)).toBe(`${file.reference} is already allocated to ${second.name}`);

    expect(await eventsAbout(file.id)).toEqual([
      { userId: manager.user.id, caseId: file.id, details: { from: null, to: first.id } },
      { userId: manager.user.id, caseId: file.id, details: { from: first.id, to: second.id } },
    ]);
  });

  it("refuses someone who is not an active LADO, or no choice, as a field error keeping the choice", async () => {
    const manager = await signedIn(["MANAGER"]);
    const support = await createUser(db, { roles: ["BUSINESS_SUPPORT"] });
    const gone = await createUser(db, { roles: ["LADO"], active: false });
    const file = await createCase(db);
    for (const lado of [support.id, gone.id, "3b0c8a52-0000-4000-8000-000000000000"]) {
      const { value } = await post(manager, file.reference, { intent: "allocate", lado });
      expect(statusOf(value)).toBe(400);
      expect(bodyOf<Failure>(value)).toMatchObject({ errors: { lado: "Select a LADO from the list" }, values: { lado } });
    }
    const { value } = await post(manager, file.reference, { intent: "allocate", lado: "" });
    expect(bodyOf<Failure>(value).errors).toEqual({ lado: "Select the LADO to allocate it to" });
    expect((await allocationOf(file.id)).allocatedToId).toBeNull();
    expect(await eventsAbout(file.id)).toEqual([]);
  });

  it("offers every active LADO and no one else", async () => {
    const manager = await signedIn(["MANAGER"]);
    const lado = await createUser(db, { roles: ["LADO"] });
    const gone = await createUser(db, { roles: ["LADO"], active: false });
    const support = await createUser(db, { roles: ["BUSINESS_SUPPORT"] });
    const file = await createCase(db);
    const page = bodyOf<{ mayAllocate: boolean; lados: { id: string }[] }>(
      (await run(allocate.loader, request(`/cases/${file.reference}/allocate`, { caller: manager }), { reference: file.reference })).value,
    );
    expect(page.mayAllocate).toBe(true);
    const offered = page.lados.map((l) => l.id);
    expect(offered).toContain(lado.id);
    expect(offered).not.toContain(gone.id);
    expect(offered).not.toContain(support.id);
    expect(offered).not.toContain(manager.user.id);
  });
});

describe("a LADO taking", () => {
  it("takes an unallocated contact from the queue, audited as from nobody to them", async () => {
    const lado = await signedIn(["LADO"]);
    const file = await createCase(db);
    const { value } = await post(lado, file.reference, { intent: "take" }, "triage");
    expect((value as Response).headers.get("Location")).toBe("/triage");
    expect(await flashOf(value)).toBe(`You have taken ${file.reference}`);
    expect((await allocationOf(file.id)).allocatedToId).toBe(lado.user.id);
    expect(await eventsAbout(file.id)).toEqual([{ userId: lado.user.id, caseId: file.id, details: { from: null, to: lado.user.id } }]);

    // Taking it again (a second click) is no error and records nothing.
    const again = await post(lado, file.reference, { intent: "take" });
    expect(await flashOf(again.value)).toBe(`${file.reference} is already allocated to you`);
    expect(await eventsAbout(file.id)).toHaveLength(1);
  });

  it("of two LADOs taking at once, exactly one wins and the other is told who has it", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await signedIn(["LADO"]), await signedIn(["LADO"])];
      const file = await createCase(db);
      const results = await Promise.all([a, b].map((who) => post(who, file.reference, { intent: "take" })));
      const statuses = results.map((r) => statusOf(r.value)).sort();
      expect(statuses).toEqual([302, 409]);
      const winner = (await allocationOf(file.id)).allocatedToId;
      const [won, lost] = statusOf(results[0]!.value) === 302 ? [a, b] : [b, a];
      expect(winner).toBe(won.user.id);
      const refused = results.find((r) => statusOf(r.value) === 409)!;
      expect(bodyOf<Failure>(refused.value).errors).toEqual({ allocation: `${file.reference} is already allocated to ${won.user.name}` });
      expect(lost.user.id).not.toBe(winner);
      expect(await eventsAbout(file.id)).toHaveLength(1);
    }
  });

  it("cannot take a contact someone has, nor allocate one to anyone", async () => {
    const lado = await signedIn(["LADO"]);
    const holder = await createUser(db, { roles: ["LADO"] });
    const other = await createUser(db, { roles: ["LADO"] });
    const held = await createCase(db, { allocatedTo: holder });
    const taken = await post(lado, held.reference, { intent: "take" });
    expect(statusOf(taken.value)).toBe(409);
    expect(bodyOf<Failure>(taken.value).errors).toEqual({ allocation: `${held.reference} is already allocated to ${holder.name}` });

    const free = await createCase(db);
    for (const to of [other.id, lado.user.id]) {
      expect(statusOf((await post(lado, free.reference, { intent: "allocate", lado: to })).value)).toBe(403);
    }
    expect((await allocationOf(held.id)).allocatedToId).toBe(holder.id);
    expect((await allocationOf(free.id)).allocatedToId).toBeNull();
    expect(await eventsAbout(held.id)).toEqual([]);
    expect(await eventsAbout(free.id)).toEqual([]);

    // The page offers a LADO only the take, and no list of LADOs.
    const page = bodyOf<{ mayAllocate: boolean; mayTake: boolean; lados: unknown[] }>(
      (await run(allocate.loader, request(`/cases/${free.reference}/allocate`, { caller: lado }), { reference: free.reference })).value,
    );
    expect(page).toMatchObject({ mayAllocate: false, mayTake: true, lados: [] });
  });

  it("is for LADOs: a manager who is not one allocates instead, and business support may do neither", async () => {
    const manager = await signedIn(["MANAGER"]);
    const file = await createCase(db);
    expect(statusOf((await post(manager, file.reference, { intent: "take" })).value)).toBe(403);
    const support = await signedIn(["BUSINESS_SUPPORT"]);
    expect(statusOf((await post(support, file.reference, { intent: "take" })).value)).toBe(403);
    expect(
      statusOf(
        (await run(allocate.loader, request(`/cases/${file.reference}/allocate`, { caller: support }), { reference: file.reference }))
          .value,
      ),
    ).toBe(403);
    expect((await allocationOf(file.id)).allocatedToId).toBeNull();
  });

  it("answers 404 for an unknown case and 400 for a form that says neither", async () => {
    const lado = await signedIn(["LADO"]);
    expect(statusOf((await post(lado, "LADO-1999-99999", { intent: "take" })).value)).toBe(404);
    const file = await createCase(db);
    const { value } = await post(lado, file.reference, { intent: "steal" });
    expect(statusOf(value)).toBe(400);
    expect(Object.keys(bodyOf<Failure>(value).errors)).toEqual(["intent"]);
  });
});

describe("where it shows", () => {
  it("shows the LADO, or nobody, in the triage queue, with take for LADOs and allocate for managers", async () => {
    const holder = await createUser(db, { roles: ["LADO"], name: "Aisha Khan" });
    const held = await createCase(db, { receivedAt: new Date("2026-11-20T09:00:00Z"), allocatedTo: holder });
    const free = await createCase(db, { receivedAt: new Date("2026-11-20T09:01:00Z") });
    const queue = await triageQueue(new Date("2026-11-27T17:00:00Z"));
    const row = (reference: string) => queue.contacts.find((c) => c.reference === reference);
    expect(row(held.reference)?.allocatedTo).toEqual({ id: holder.id, name: "Aisha Khan" });
    expect(row(free.reference)?.allocatedTo).toBeNull();

    const may = async (caller: Caller) =>
      bodyOf<{ may: { take: boolean; allocate: boolean } }>((await run(triagePage.loader, request("/triage", { caller }))).value).may;
    expect(await may(await signedIn(["LADO"]))).toEqual({ take: true, allocate: false });
    expect(await may(await signedIn(["MANAGER"]))).toEqual({ take: false, allocate: true });
    expect(await may(await signedIn(["LADO", "MANAGER"]))).toEqual({ take: true, allocate: true });
  });

  it("shows the LADO on the case header, with take only while nobody has it", async () => {
    const lado = await signedIn(["LADO"]);
    const manager = await signedIn(["MANAGER"]);
    const file = await createCase(db);
    type Header = { allocatedTo: string | null; may: { take: boolean; allocate: boolean } };
    const header = async (caller: Caller) =>
      bodyOf<Header>((await run(caseFile.loader, request(`/cases/${file.reference}`, { caller }), { reference: file.reference })).value);
    expect(await header(lado)).toMatchObject({ allocatedTo: null, may: { take: true, allocate: false } });
    expect(await header(manager)).toMatchObject({ allocatedTo: null, may: { take: false, allocate: true } });
    await post(lado, file.reference, { intent: "take" });
    expect(await header(lado)).toMatchObject({ allocatedTo: lado.user.name, may: { take: false, allocate: false } });
    expect(await header(manager)).toMatchObject({ allocatedTo: lado.user.name, may: { allocate: true } });
  });
});

// Each role's home: where signing in, "/" and an error page take them. A
// home is a page that role can open, so a 403's link never loops back.
import { describe, expect, it } from "vitest";
import { homeFor } from "~/auth/home";
import { db } from "~/db.server";
import type { Role } from "~/generated/prisma/enums";
import * as audits from "~/routes/audits";
import * as contactsNew from "~/routes/contacts.new";
import * as myWork from "~/routes/my-work";
import * as start from "~/routes/_index";
import * as signIn from "~/routes/sign-in";
import * as team from "~/routes/team";
import * as triage from "~/routes/triage";
import * as users from "~/routes/users._index";
import { createCase, createUser } from "./factories";
import { bodyOf, request, run, signedIn, statusOf } from "./helpers";

const PASSWORD = "a long enough password 2026";

/** Signs in through the form, with an optional returnTo; answers where it sends them. */
async function landing(roles: Role[], returnTo?: string) {
  const user = await createUser(db, { roles, password: PASSWORD });
  const form = { email: user.email, password: PASSWORD, ...(returnTo === undefined ? {} : { returnTo }) };
  const { value } = await run(signIn.action, request("/sign-in", { form }));
  expect(statusOf(value)).toBe(302);
  return (value as Response).headers.get("Location");
}

const homes: [Role, string][] = [
  ["LADO", "/my-work"],
  ["MANAGER", "/team"],
  ["BUSINESS_SUPPORT", "/contacts/new"],
  ["ADMIN", "/users"],
  ["AUDITOR", "/audits"],
];

describe("signing in", () => {
  it.each(homes)("lands a %s on %s", async (role, path) => {
    expect(await landing([role])).toBe(path);
  });

  it.each([
    [["AUDITOR", "ADMIN"], "/users"],
    [["ADMIN", "BUSINESS_SUPPORT"], "/contacts/new"],
    [["BUSINESS_SUPPORT", "MANAGER"], "/team"],
    [["AUDITOR", "LADO"], "/my-work"],
  ] as [Role[], string][])(
    "lands someone with the roles %j on the first of LADO, manager, support, admin, auditor: %s",
    async (roles, path) => {
      expect(await landing(roles)).toBe(path);
    },
  );

  it("still goes back to a safe returnTo, and home instead of one that leaves the site or is empty", async () => {
    expect(await landing(["ADMIN"], "/settings/bank-holidays?year=2027")).toBe("/settings/bank-holidays?year=2027");
    expect(await landing(["ADMIN"], "//evil.example/x")).toBe("/users");
    expect(await landing(["AUDITOR"], "")).toBe("/audits");
  });

  it("sends someone already signed in from the sign-in page to their home", async () => {
    const caller = await signedIn(["BUSINESS_SUPPORT"]);
    const { value } = await run(signIn.loader, request("/sign-in", { caller }));
    expect((value as Response).headers.get("Location")).toBe("/contacts/new");
  });
});

describe("the start page", () => {
  it.each(homes)("redirects a signed-in %s to %s", async (role, path) => {
    const caller = await signedIn([role]);
    const { thrown, value } = await run(start.loader, request("/", { caller }));
    expect(thrown).toBe(true);
    expect(statusOf(value)).toBe(302);
    expect((value as Response).headers.get("Location")).toBe(path);
  });

  it("shows itself to someone signed out, and to an account with no role (no home to go to)", async () => {
    expect(statusOf((await run(start.loader, request("/"))).value)).toBe(200);
    const roleless = await signedIn([]);
    const { thrown, value } = await run(start.loader, request("/", { caller: roleless }));
    expect(thrown).toBe(false);
    expect(statusOf(value)).toBe(200);
  });
});

describe("a page someone may not open", () => {
  // The error page links to homeFor(roles): the page each role lands on must load for it.
  const loaders: Record<string, (args: never) => unknown> = {
    "/my-work": myWork.loader,
    "/team": team.loader,
    "/contacts/new": contactsNew.loader,
    "/users": users.loader,
    "/audits": audits.loader,
  };

  it.each(homes)("is a 403 whose link, for a %s, goes to %s, which opens for them", async (role, path) => {
    const caller = await signedIn([role]);
    const elsewhere = role === "ADMIN" ? triage.loader : users.loader;
    expect(statusOf((await run(elsewhere, request("/elsewhere", { caller }))).value)).toBe(403);
    const home = homeFor([role]);
    expect(home.path).toBe(path);
    expect(home.label).not.toBe("");
    const { thrown, value } = await run(loaders[path]!, request(path, { caller }));
    expect(thrown).toBe(false);
    expect(statusOf(value)).toBe(200);
  });
});

describe("an auditor's page", () => {
  it("says plainly that they are in no audit yet", async () => {
    const caller = await signedIn(["AUDITOR"]);
    const page = bodyOf<{ audits: unknown[] }>((await run(audits.loader, request("/audits", { caller }))).value);
    expect(page.audits).toEqual([]);
  });

  it("lists the audits they are named in, with the case files and dates, and no one else's", async () => {
    const caller = await signedIn(["AUDITOR"]);
    const other = await createUser(db, { roles: ["AUDITOR"] });
    const manager = await createUser(db, { roles: ["MANAGER"] });
    const [a, b] = [await createCase(db), await createCase(db)];
    const audit = await db.caseFileAudit.create({
      data: {
        title: "Quarter 3 allegations",
        periodFrom: new Date("2026-07-01T00:00:00Z"),
        periodTo: new Date("2026-09-30T00:00:00Z"),
        size: 2,
        strata: { proportional: true },
        exclusions: {},
        seed: "q3",
        questions: [],
        createdById: manager.id,
        auditors: {
          create: [
            { userId: caller.user.id, windowFrom: new Date("2026-10-01T08:00:00Z"), windowTo: new Date("2099-10-31T17:00:00Z") },
            { userId: other.id, windowFrom: new Date("2026-10-01T08:00:00Z"), windowTo: new Date("2026-10-31T17:00:00Z") },
          ],
        },
        samples: { create: [b, a].map((c) => ({ caseId: c.id, stratum: "all" })) },
      },
    });
    const page = bodyOf<{ audits: { id: string; title: string; state: string; caseFiles: string[] }[] }>(
      (await run(audits.loader, request("/audits", { caller }))).value,
    );
    expect(page.audits).toHaveLength(1);
    expect(page.audits[0]).toMatchObject({ id: audit.id, title: "Quarter 3 allegations", state: "open" });
    expect(page.audits[0]!.caseFiles).toEqual([a.reference, b.reference].sort());
  });
});

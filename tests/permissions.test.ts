// Walks every staff route, loader and action, for every role and for no
// session, and checks the exact answer against the one permission matrix
// (app/auth/permissions.ts) and the permission each route declares: the
// signed-out go to sign-in (302), those without the permission get 403, and
// those with it get the route's own answer (200 for a page, 400 for an empty
// form), never "anything but 403".
import { describe, expect, it } from "vitest";
import { permissions, type Permission } from "~/auth/permissions";
import { db } from "~/db.server";
import { Role } from "~/generated/prisma/enums";
import { createCase, createUser } from "./factories";
import { request, run, signedIn, statusOf, type Caller } from "./helpers";

type RouteModule = {
  /** permission: the loader's, and the action's unless actionPermission names another (a page anyone may read, with forms only some may send). */
  handle?: { permission?: Permission; actionPermission?: Permission };
  loader?: (args: never) => unknown;
  action?: (args: never) => unknown;
};

// Flat route files, and folder routes (a folder's route.tsx).
const modules = import.meta.glob<RouteModule>(["../app/routes/*.tsx", "../app/routes/*/route.tsx"], { eager: true });

/** Routes anyone may open: everything else must declare a permission. */
const publicRoutes = new Set([
  "_index",
  "sign-in",
  "sign-out",
  "refer",
  "refer._index",
  "refer.screener",
  "refer.$page",
  "refer.attachments",
  "refer.check",
  "refer.sent",
  "refer.delete",
  "refer.deleted",
  "refer.privacy",
]);

const routes = Object.entries(modules).map(([file, mod]) => ({
  id: file.replace("../app/routes/", "").replace(/(\/route)?\.tsx$/, ""),
  mod,
}));

/** What a permitted caller gets from each route: a page loads (200), an empty form is refused field by field (400). */
const permittedStatus = { loader: 200, action: 400 } as const;

async function fixtures() {
  // Well into the allegation process, so every section of the case file has something to read.
  const file = await createCase(db, {
    decisions: [{ category: "ALLEGATION" }],
    meetings: [{ type: "EVALUATION" }],
    police: { status: "INVESTIGATING" },
    employerAction: { suspended: false },
    outcome: { outcome: "UNFOUNDED" },
    closures: [{}],
  });
  const someone = await createUser(db, { roles: ["LADO"] });
  // A stored document of the case, for documents.$documentId; its file is removed afterwards.
  const { storeFile, deleteStoredFile } = await import("~/documents/storage.server");
  const stored = await storeFile(new TextEncoder().encode("%PDF-1.7\n"));
  const document = await db.document.create({
    data: { kind: "ATTACHMENT", caseId: file.id, filename: "fixture.pdf", mediaType: "application/pdf", ...stored },
  });
  // A records import whose good rows were imported, its bad rows kept to download (records.imports.$jobId_.bad-rows.csv).
  const badRows = await storeFile(new TextEncoder().encode("reference,received_at,source\r\n"));
  const job = await db.recordsImportJob.create({
    data: {
      filename: "fixture.csv",
      sizeBytes: 1,
      createdById: someone.id,
      stage: "IMPORT",
      status: "DONE",
      badRowsKey: badRows.storageKey,
    },
  });
  const { afterAll } = await import("vitest");
  afterAll(() => Promise.all([deleteStoredFile(stored.storageKey), deleteStoredFile(badRows.storageKey)]));
  // A bank holiday loaded into the template database.
  return { reference: file.reference, userId: someone.id, documentId: document.id, date: "2026-12-25", jobId: job.id } as Record<
    string,
    string
  >;
}

function pathAndParams(id: string, values: Record<string, string>) {
  const params: Record<string, string> = {};
  const path = id
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => {
      if (!segment.startsWith("$")) return segment;
      // A trailing "_" only takes the route out of its parent's layout (cases.$reference_.allocate).
      const name = segment.slice(1).replace(/_$/, "");
      const value = values[name];
      if (!value) throw new Error(`tests/permissions.test.ts has no fixture for the route parameter "${name}"`);
      params[name] = value;
      return value;
    })
    .join("/");
  return { path: `/${path}`, params };
}

describe("every route is public by name or declares a permission", () => {
  it.each(routes.map((r) => [r.id, r] as const))("%s", (id, { mod }) => {
    if (publicRoutes.has(id)) return;
    expect(mod.handle?.permission, `${id} must export handle.permission`).toBeDefined();
    expect(Object.keys(permissions)).toContain(mod.handle!.permission);
    if (mod.handle!.actionPermission) expect(Object.keys(permissions)).toContain(mod.handle!.actionPermission);
  });
});

describe("permission matrix", async () => {
  const staffRoutes = routes.filter((r) => !publicRoutes.has(r.id));
  const values = await fixtures();
  const callers = new Map<Role, Caller>();
  for (const role of Object.values(Role)) callers.set(role, await signedIn([role]));

  for (const { id, mod } of staffRoutes) {
    const { path, params } = pathAndParams(id, values);
    for (const kind of ["loader", "action"] as const) {
      const handler = mod[kind] as ((args: never) => unknown) | undefined;
      if (!handler) continue;
      const permission = (kind === "action" && mod.handle!.actionPermission) || mod.handle!.permission!;
      const allowed: readonly Role[] = permissions[permission];
      const make = (caller: Caller | null) => (kind === "loader" ? request(path, { caller }) : request(path, { caller, form: {} }));

      it(`${kind} of ${id}: no session is sent to sign-in`, async () => {
        const { value } = await run(handler, make(null), params);
        expect(statusOf(value)).toBe(302);
        expect((value as Response).headers.get("Location")).toMatch(/^\/sign-in\?returnTo=/);
      });

      for (const role of Object.values(Role)) {
        const may = allowed.includes(role);
        it(`${kind} of ${id}: ${role} ${may ? "may" : "may not"} (${permission})`, async () => {
          const { value } = await run(handler, make(callers.get(role)!), params);
          expect(statusOf(value)).toBe(may ? permittedStatus[kind] : 403);
        });
      }
    }
  }
});

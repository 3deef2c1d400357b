// Actions agreed on an allegation, at a meeting or outside one: each with an
// owner (a person and their agency, who may not use this system, and
// optionally a member of staff), a due date and a status. Adding one and
// each update are audited on the action itself, with its version, so a save
// from an out-of-date page is refused with what changed
// (app/cases/versions.server.ts). openActionsDue lists the open actions due
// or overdue, for a case's section and for "My work".
import { recordAudit, type AuditSubject } from "~/audit-trail/audit-trail.server";
import { changedFields, changesSince, versionDetails, type LaterChange } from "~/cases/versions.server";
import { db, type Prisma } from "~/db.server";
import type { ActionStatus } from "~/generated/prisma/enums";
import { londonDay } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms.server";
import { actionOverdue } from "./actions";

export type NewAction = {
  description: string;
  ownerName: string;
  ownerAgency: string;
  ownerUserId: string | null;
  dueDate: Date;
};

export type ActionUpdate = { status: ActionStatus; completionNote: string | null; dueDate: Date };

/** The names of an action's fields, as the refusal of a stale save names them. */
export const actionFieldLabels: Record<string, string> = {
  description: "the action",
  ownerName: "the owner",
  ownerAgency: "the owner's agency",
  ownerUserId: "the member of staff",
  dueDate: "the due date",
  status: "the status",
  completionNote: "the completion note",
};

/** Staff who can own an action: active LADOs and managers, by name. */
export function actionOwners() {
  return db.user.findMany({
    where: { active: true, roles: { hasSome: ["LADO", "MANAGER"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** A field error for each member of staff named as an action's owner who cannot own one (not an active LADO or manager). */
export async function unknownOwners(named: { field: string; userId: string | null }[]): Promise<FieldErrors> {
  if (!named.some((n) => n.userId)) return {};
  const known = new Set((await actionOwners()).map((u) => u.id));
  const errors: FieldErrors = {};
  for (const { field, userId } of named) {
    if (userId && !known.has(userId)) errors[field] = "Choose a member of staff from the list";
  }
  return errors;
}

/** Adds actions to a case (agreed at `meetingId`, or outside a meeting), each audited, in the caller's transaction. */
export async function createActions(
  tx: Prisma.TransactionClient,
  request: Request,
  by: { userId: string; caseId: string; meetingId: string | null },
  actions: NewAction[],
) {
  for (const action of actions) {
    const made = await tx.action.create({ data: { ...action, caseId: by.caseId, meetingId: by.meetingId }, select: { id: true } });
    await recordAudit(
      request,
      {
        who: by.userId,
        what: "action.add",
        subject: { type: "action", id: made.id },
        caseId: by.caseId,
        details: { ...versionDetails(1, Object.keys(action)), meetingId: by.meetingId },
      },
      tx,
    );
  }
}

/** Adds one action outside a meeting. */
export async function addAction(request: Request, userId: string, caseId: string, action: NewAction) {
  await db.$transaction((tx) => createActions(tx, request, { userId, caseId, meetingId: null }, [action]));
}

/**
 * What a versioned save came to: saved; no such record on this case; refused
 * as it stands (`problem`, to show on the form); or made from an
 * out-of-date version, with the later changes.
 */
export type Saved = { saved: true } | { saved: false; missing: true } | { saved: false; problem: string } | Stale;
type Stale = { saved: false; stale: { current: number; changes: LaterChange[] } };

/** The refusal of a save made from `version` of a record now at `current`, with the changes made since. */
export async function staleSave(tx: Prisma.TransactionClient, subject: AuditSubject, current: number, version: number): Promise<Stale> {
  return { saved: false, stale: { current, changes: await changesSince(tx, subject, version) } };
}

/**
 * Changes an action's status, completion note or due date, from the
 * version the page showed. Done or cancelled records when (kept while it
 * stays closed); reopened clears it.
 */
export async function updateAction(
  request: Request,
  userId: string,
  caseId: string,
  actionId: string,
  version: number,
  update: ActionUpdate,
): Promise<Saved> {
  return db.$transaction(async (tx) => {
    const before = await tx.action.findFirst({
      where: { id: actionId, caseId },
      select: { version: true, status: true, completionNote: true, dueDate: true, completedAt: true },
    });
    if (!before) return { saved: false, missing: true };
    const subject = { type: "action", id: actionId } as const;
    if (before.version !== version) return staleSave(tx, subject, before.version, version);
    const closed = update.status !== "OPEN";
    const after = { ...update, completionNote: closed ? update.completionNote : null };
    const completedAt = closed ? (before.status === update.status && before.completedAt ? before.completedAt : new Date()) : null;
    const { count } = await tx.action.updateMany({
      where: { id: actionId, version },
      data: { ...after, completedAt, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: { version: true } });
      return staleSave(tx, subject, current.version, version);
    }
    await recordAudit(
      request,
      {
        who: userId,
        what: "action.update",
        subject,
        caseId,
        details: { ...versionDetails(version + 1, changedFields(before, after)), status: update.status },
      },
      tx,
    );
    return { saved: true };
  });
}

export type DueAction = {
  id: string;
  caseId: string;
  reference: string;
  description: string;
  ownerName: string;
  ownerAgency: string;
  ownerUserId: string | null;
  dueDate: Date;
  overdue: boolean;
};

/**
 * The open actions due on or before `dueBy` (yyyy-mm-dd; today in London by
 * default), overdue first, on the given cases or on a LADO's: the cases
 * allocated to them and the actions they own. Each says whether it is
 * overdue (due before today in London). For the meetings section and "My work".
 */
export async function openActionsDue(
  scope: { caseIds: string[] } | { ladoId: string },
  options: { now?: Date; dueBy?: string; client?: Pick<Prisma.TransactionClient, "action"> } = {},
): Promise<DueAction[]> {
  const now = options.now ?? new Date();
  const dueBy = options.dueBy ?? londonDay(now);
  const where: Prisma.ActionWhereInput =
    "caseIds" in scope
      ? { caseId: { in: scope.caseIds } }
      : { OR: [{ case: { allocatedToId: scope.ladoId } }, { ownerUserId: scope.ladoId }] };
  const rows = await (options.client ?? db).action.findMany({
    where: { ...where, status: "OPEN", dueDate: { lte: new Date(`${dueBy}T00:00:00Z`) } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      caseId: true,
      case: { select: { reference: true } },
      description: true,
      ownerName: true,
      ownerAgency: true,
      ownerUserId: true,
      dueDate: true,
      status: true,
    },
  });
  return rows.map(({ case: c, status, ...a }) => ({
    ...a,
    reference: c.reference,
    overdue: actionOverdue({ status, dueDate: a.dueDate }, now),
  }));
}

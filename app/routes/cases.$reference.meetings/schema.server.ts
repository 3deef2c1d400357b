// The forms of the meetings section, one zod schema each: scheduling a
// meeting, recording it once held (rows of attendees and of actions agreed,
// as many as the page shows), cancelling it, making its minutes, adding an
// action and updating one. Which form was sent is its `intent`. Dates are
// checked against when the contact was received (no meeting or action
// before it) and, for a meeting recorded as held, against now.
import { z } from "zod";
import { beforeContactProblem } from "~/allegations/case-dates";
import type { ActionUpdate, NewAction } from "~/allegations/actions.server";
import type { Arrangements, AttendeeAnswers, MeetingRecord } from "~/allegations/meetings.server";
import { versionField } from "~/cases/versions.server";
import { date, email, everyProblemAtOnce, minutesOfDay, text, timeOfDay } from "~/contacts/contact-fields";
import { ActionStatus, MeetingMode, MeetingType } from "~/generated/prisma/enums";
import { londonDay, londonMoment } from "~/utils/dates";

export const intents = ["schedule", "record", "add-attendee", "add-action", "cancel", "minutes", "action", "action-update"] as const;
export type Intent = (typeof intents)[number];
export const formIntent = z.enum(intents, "Choose what to do");

const id = (message: string) => z.uuid(message);

type Ctx = z.RefinementCtx;

const arrangementFields = {
  type: z.enum(MeetingType, "Select the type of meeting"),
  heldDate: date("The date of the meeting", { required: "Enter the date of the meeting" }),
  heldTime: timeOfDay("Enter the time of the meeting in 24-hour format, like 14:30"),
  mode: z.enum(MeetingMode, "Select how the meeting is held: in person, online or both"),
  location: text("The place or link", 500, "Enter where the meeting is held, or the link to join it"),
  chair: text("The chair", 200, "Enter who chairs the meeting"),
};

type ArrangementValues = { heldDate?: Date; heldTime?: unknown };

/** When the meeting is, on London's clock; undefined while its date or time has its own error. */
function heldAt(v: ArrangementValues) {
  if (!v.heldDate || !timeOfDay("").safeParse(v.heldTime).success) return undefined;
  return londonMoment(v.heldDate.toISOString().slice(0, 10), minutesOfDay(String(v.heldTime).trim()));
}

/** A meeting is never before the contact's day; one recorded as held is not in the future. */
function checkWhen(v: ArrangementValues, ctx: Ctx, receivedDay: string, held: Date | null) {
  const at = heldAt(v);
  if (!at) return;
  const early = beforeContactProblem("The date of the meeting", londonDay(at), receivedDay);
  if (early) {
    ctx.addIssue({ code: "custom", path: ["heldDate"], message: early });
  } else if (held && at > held) {
    ctx.addIssue({ code: "custom", path: ["heldDate"], message: "A meeting is recorded once held: its date and time must be in the past" });
  }
}

const arrangementsOf = (v: z.output<z.ZodObject<typeof arrangementFields>>): Arrangements => ({
  type: v.type,
  heldAt: heldAt(v)!,
  mode: v.mode,
  location: v.location,
  chair: v.chair,
});

export const scheduleForm = (receivedDay: string) =>
  z
    .object(arrangementFields)
    .superRefine((v, ctx) => checkWhen(v, ctx, receivedDay, null), { when: everyProblemAtOnce })
    .transform(arrangementsOf);

// ---------------------------------------------------------------------------
// Rows: attendees and actions, numbered from 1. A row left empty is dropped.

const attended = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["yes", "no"]).optional());

function attendeeRow(n: number) {
  return {
    [`attendeeName-${n}`]: text("The attendee's name", 200),
    [`attendeeAgency-${n}`]: text("The attendee's agency", 200),
    [`attendeeRole-${n}`]: text("The attendee's role", 200),
    [`attendeeEmail-${n}`]: email(false),
    [`attendeeAttended-${n}`]: attended,
  };
}

/** The attendees filled in, with a problem for each row half filled. */
function attendeesOf(v: Record<string, unknown>, rows: number, ctx: Ctx | null): AttendeeAnswers[] {
  const people: AttendeeAnswers[] = [];
  for (let n = 1; n <= rows; n++) {
    const [name, agency, role, mail] = ["Name", "Agency", "Role", "Email"].map((f) => v[`attendee${f}-${n}`] as string | undefined);
    if (!name && !agency && !role && !mail) continue;
    const said = v[`attendeeAttended-${n}`];
    if (ctx) {
      if (!name) ctx.addIssue({ code: "custom", path: [`attendeeName-${n}`], message: `Enter the name of attendee ${n}` });
      if (!agency) ctx.addIssue({ code: "custom", path: [`attendeeAgency-${n}`], message: `Enter the agency of attendee ${n}` });
      if (!said) {
        ctx.addIssue({
          code: "custom",
          path: [`attendeeAttended-${n}`],
          message: `Select whether attendee ${n} attended or sent apologies`,
        });
      }
    }
    people.push({ name: name ?? "", agency: agency ?? "", role: role ?? null, email: mail ?? null, attended: said === "yes" });
  }
  return people;
}

function actionRow(n: number) {
  return {
    [`actionDescription-${n}`]: text("The action", 2000),
    [`actionOwnerName-${n}`]: text("The owner's name", 200),
    [`actionOwnerAgency-${n}`]: text("The owner's agency", 200),
    [`actionOwnerUser-${n}`]: z.union([z.literal(""), id("Choose a member of staff from the list")]).optional(),
    [`actionDue-${n}`]: date(`The due date of action ${n}`, {}),
  };
}

/** Row n of the actions, as sent; null when it was left empty. */
function actionAt(v: Record<string, unknown>, n: number): NewAction | null {
  const [description = "", ownerName = "", ownerAgency = "", ownerUser = ""] = ["Description", "OwnerName", "OwnerAgency", "OwnerUser"].map(
    (f) => (v[`action${f}-${n}`] as string | undefined) ?? "",
  );
  const due = v[`actionDue-${n}`] as Date | undefined;
  if (!description && !ownerName && !ownerAgency && !ownerUser && !due) return null;
  return { description, ownerName, ownerAgency, ownerUserId: ownerUser || null, dueDate: due ?? new Date(Number.NaN) };
}

/** The problems with row n of the actions: half filled, or due before the contact. */
function checkAction(a: NewAction, n: number, ctx: Ctx, receivedDay: string) {
  const problem = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [`action${field}-${n}`], message });
  if (!a.description) problem("Description", `Enter what action ${n} is`);
  if (!a.ownerName) problem("OwnerName", `Enter who owns action ${n}`);
  if (!a.ownerAgency) problem("OwnerAgency", `Enter the agency of the owner of action ${n}`);
  // A date typed wrongly has its own error already, which is the one shown.
  if (Number.isNaN(a.dueDate.getTime())) problem("Due", `Enter the date action ${n} is due by`);
  else {
    const early = beforeContactProblem(`The due date of action ${n}`, a.dueDate.toISOString().slice(0, 10), receivedDay);
    if (early) problem("Due", early);
  }
}

/** The actions filled in, each checked when `ctx` is given. */
function actionsOf(v: Record<string, unknown>, rows: number, ctx: Ctx | null, receivedDay: string): NewAction[] {
  const actions: NewAction[] = [];
  for (let n = 1; n <= rows; n++) {
    const action = actionAt(v, n);
    if (!action) continue;
    if (ctx) checkAction(action, n, ctx, receivedDay);
    actions.push(action);
  }
  return actions;
}

export const recordForm = (receivedDay: string, rows: { attendees: number; actions: number }, now = new Date()) => {
  const shape: Record<string, z.ZodType> = {
    ...versionField,
    meetingId: id("Choose a meeting to record"),
    ...arrangementFields,
  };
  for (let n = 1; n <= rows.attendees; n++) Object.assign(shape, attendeeRow(n));
  Object.assign(shape, {
    informationShared: text("The information shared", 20_000, "Enter the information shared at the meeting"),
    decisions: text("The decisions", 20_000, "Enter the decisions made at the meeting"),
  });
  for (let n = 1; n <= rows.actions; n++) Object.assign(shape, actionRow(n));
  shape.nextReviewDate = date("The next review date", {});
  return z
    .object(shape)
    .superRefine(
      (v, ctx) => {
        checkWhen(v as ArrangementValues, ctx, receivedDay, now);
        if (attendeesOf(v, rows.attendees, ctx).length === 0) {
          ctx.addIssue({ code: "custom", path: ["attendeeName-1"], message: "Enter at least one person who attended or sent apologies" });
        }
        actionsOf(v, rows.actions, ctx, receivedDay);
        const at = heldAt(v as ArrangementValues);
        const review = v.nextReviewDate as Date | undefined;
        if (at && review && review.toISOString().slice(0, 10) <= londonDay(at)) {
          ctx.addIssue({ code: "custom", path: ["nextReviewDate"], message: "The next review date must be after the meeting" });
        }
      },
      { when: everyProblemAtOnce },
    )
    .transform((v) => ({
      meetingId: v.meetingId as string,
      version: v.version as number,
      record: {
        ...arrangementsOf(v as z.output<z.ZodObject<typeof arrangementFields>>),
        attendees: attendeesOf(v, rows.attendees, null),
        informationShared: v.informationShared as string,
        decisions: v.decisions as string,
        nextReviewDate: (v.nextReviewDate as Date | undefined) ?? null,
        actions: actionsOf(v, rows.actions, null, receivedDay),
      } satisfies MeetingRecord,
    }));
};

export const cancelForm = z.object({
  ...versionField,
  meetingId: id("Choose a meeting to cancel"),
  cancelReason: text("The reason", 2000, "Enter why the meeting is cancelled"),
});

export const minutesForm = z.object({ meetingId: id("Choose a meeting") });

// ---------------------------------------------------------------------------
// Actions outside a meeting, and updates

const dueDate = (receivedDay: string) =>
  date("The due date", { required: "Enter the date the action is due by" }).superRefine((d, ctx) => {
    const early = d && beforeContactProblem("The due date", d.toISOString().slice(0, 10), receivedDay);
    if (early) ctx.addIssue({ code: "custom", message: early });
  });

export const actionForm = (receivedDay: string) =>
  z
    .object({
      description: text("The action", 2000, "Enter what the action is"),
      ownerName: text("The owner's name", 200, "Enter who owns the action"),
      ownerAgency: text("The owner's agency", 200, "Enter the owner's agency"),
      ownerUser: z.union([z.literal(""), id("Choose a member of staff from the list")]).optional(),
      dueDate: dueDate(receivedDay),
    })
    .transform((v): NewAction => ({
      description: v.description,
      ownerName: v.ownerName,
      ownerAgency: v.ownerAgency,
      ownerUserId: v.ownerUser || null,
      dueDate: v.dueDate!,
    }));

export const actionUpdateForm = (receivedDay: string) =>
  z
    .object({
      ...versionField,
      actionId: id("Choose an action"),
      status: z.enum(ActionStatus, "Select the action's status"),
      completionNote: text("The completion note", 5000),
      dueDate: dueDate(receivedDay),
    })
    .superRefine(
      (v, ctx) => {
        if (v.status && v.status !== "OPEN" && !v.completionNote) {
          const what = v.status === "DONE" ? "what was done" : "why it was cancelled";
          ctx.addIssue({ code: "custom", path: ["completionNote"], message: `Enter a completion note saying ${what}` });
        }
      },
      { when: everyProblemAtOnce },
    )
    .transform((v) => ({
      actionId: v.actionId,
      version: v.version,
      update: { status: v.status, completionNote: v.completionNote ?? null, dueDate: v.dueDate! } satisfies ActionUpdate,
    }));

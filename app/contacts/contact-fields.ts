// The fields of a contact, in sections, shared by the public referral form
// (one section a page, most answers required) and the form staff use to log
// a phone call, email, letter or visit (everything optional but the source,
// when it was received and a summary). One zod schema per section and mode.
import { z } from "zod";
import {
  AllegationMadeBy,
  ContactSource,
  EmploymentBasis,
  EthnicGroup,
  HarmCategory,
  ReferrerType,
  RoleGroup,
  Sector,
  Sex,
  YesNoUnknown,
} from "~/generated/prisma/enums";
import { londonDay } from "~/utils/dates";
import { LIMITS, MAX_CHILDREN } from "./limits";
import { asksAuthority, asksOrganisation, asksRole, isAnonymous, isEmployer } from "./referrer-types";

export type Mode = "referral" | "staff";

export { LIMITS, MAX_CHILDREN };

const tooLong = (label: string, max: number) => `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`;

// The answer types below are shared with the other staff forms (triage's, for one).

/** Text: trimmed, bounded; "" becomes undefined unless `required` gives the message for it. */
export function text(label: string, max: number, required: string): z.ZodString;
export function text(label: string, max: number, required?: string | false): z.ZodType<string | undefined, string | undefined>;
export function text(label: string, max: number, required?: string | false) {
  const base = z
    .string(required || undefined)
    .trim()
    .max(max, tooLong(label, max));
  return required ? base.min(1, required) : base.optional().transform((v) => v || undefined);
}

/** One of a list; "" is no answer unless `required` gives the message for it. */
function choice<T extends Record<string, string>>(values: T, required: string | false) {
  const schema = z.enum(values, required || "Choose one of the options");
  return required ? schema : z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
}

export const yesNo = (required: string | false) =>
  z
    .preprocess(
      (v) => (v === "" ? undefined : v),
      required ? z.enum(["yes", "no"], required) : z.enum(["yes", "no"], "Choose yes or no").optional(),
    )
    .transform((v) => (v === undefined ? undefined : v === "yes"));

type DateOptions = { required?: string | false; notFuture?: boolean; dateOfBirth?: boolean };

/** A time of day typed in 24-hour format ("14:30", "9.05"); `message` when it is missing or is not one. */
export const timeOfDay = (message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, message);

/** Minutes after midnight of a time checked by timeOfDay. */
export function minutesOfDay(time: string) {
  const [hours, minutes] = time.split(/[:.]/).map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** A yyyy-mm-dd from a GOV.UK date input, as a Date at midnight UTC (a calendar day). */
export function date(label: string, options: DateOptions) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const { value, problem } = readDate(label, v, options);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      return value;
    });
}

/**
 * The day a date answer gives, or else the problem with it. No answer is a
 * problem only when one is required.
 */
function readDate(label: string, v: string | undefined, options: DateOptions): { value?: Date; problem?: string } {
  if (!v) return { problem: options.required || undefined };
  const day = calendarDay(v);
  if (!day) return { problem: `${label} must be a real date, like 27 3 2026` };
  const today = londonDay(new Date());
  if (options.notFuture && v > today) return { problem: `${label} must be today or in the past` };
  const problem = options.dateOfBirth ? implausibleDateOfBirth(day, today) : undefined;
  return problem ? { problem } : { value: day.date };
}

type CalendarDay = { date: Date; year: number; month: number; day: number };

/** The day a yyyy-mm-dd names, or null when it is not a real date from 1900 on. */
function calendarDay(v: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnight = new Date(Date.UTC(year, month - 1, day));
  if (midnight.getUTCDate() !== day || midnight.getUTCMonth() !== month - 1 || year < 1900) return null;
  return { date: midnight, year, month, day };
}

/** The problem with a date of birth that makes the person under 16 or over 100 today (yyyy-mm-dd), if it does. */
function implausibleDateOfBirth(birth: CalendarDay, today: string): string | undefined {
  const age = ageOn(birth, today);
  if (age < 16 || age > 100) {
    return `Check the date of birth: it makes the person ${age < 16 ? "under 16" : "over 100"}. Leave it blank if you do not know it`;
  }
  return undefined;
}

/** Whole years from a date of birth to a day (yyyy-mm-dd). */
function ageOn(birth: CalendarDay, today: string) {
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const birthdayStillToCome = tm * 100 + td < birth.month * 100 + birth.day;
  return ty - birth.year - (birthdayStillToCome ? 1 : 0);
}

const blankIfAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

const phone = (label: string, required: string | false) =>
  blankIfAbsent(
    z
      .string()
      .trim()
      .max(30, tooLong(label, 30))
      .superRefine((v, ctx) => {
        if (v === "" && required) ctx.addIssue({ code: "custom", message: required });
        else if (v !== "" && !/^[0-9+() -]{6,30}$/.test(v)) {
          ctx.addIssue({ code: "custom", message: "Enter a telephone number, like 020 7946 0123 or 07700 900 982" });
        }
      })
      .transform((v) => v || undefined),
  );

const req = (mode: Mode, message: string) => (mode === "referral" ? message : false);

/**
 * For a check across fields: run it even when a field already has a problem
 * (zod would skip it), so the page shows every problem at once. Such a check
 * must cope with fields that did not parse.
 */
export const everyProblemAtOnce = () => true;

// ---------------------------------------------------------------------------

/** Who the referrer is: it decides which of the other questions make sense. */
export function referrerTypeSection(mode: Mode) {
  return z.object({ referrerType: choice(ReferrerType, req(mode, "Say who you are")) });
}

export const email = (required: string | false) =>
  blankIfAbsent(
    z
      .string()
      .trim()
      .max(254, tooLong("Email address", 254))
      .superRefine((v, ctx) => {
        if (v === "" && required) ctx.addIssue({ code: "custom", message: required });
        else if (v !== "" && !z.email().safeParse(v).success)
          ctx.addIssue({ code: "custom", message: "Enter an email address in the correct format, like name@example.org" });
      })
      .transform((v) => v.toLowerCase() || undefined),
  );

/**
 * The referrer's details. On the public form what is asked (and required)
 * follows their type: an anonymous referrer gives nothing, a parent no
 * organisation, an employer also whether its senior manager knows. Staff
 * record what they were told; an organisation named without a type is kept
 * as typed.
 */
export function referrerSection(mode: Mode, type?: ReferrerType) {
  const staff = mode === "staff";
  const required = (asked: boolean, message: string) => (mode === "referral" && asked ? message : false);
  const named = !isAnonymous(type);
  return z
    .object({
      referrerName: text("Your name", LIMITS.short, required(named, "Enter your full name")),
      referrerRole: text("Your role", LIMITS.short, required(asksRole(type), "Enter your role, like designated safeguarding lead")),
      organisationName: text(
        "Organisation",
        LIMITS.name,
        required(asksOrganisation(type), "Enter the name of your organisation") ||
          required(asksAuthority(type), type === "OTHER_LADO" ? "Enter your local authority" : "Enter the name of your organisation"),
      ),
      organisationSector: choice(Sector, required(asksOrganisation(type), "Choose the type of organisation")),
      referrerPhone: phone("Telephone number", false),
      referrerEmail: email(false),
      seniorManagerAware: choice(YesNoUnknown, required(isEmployer(type), "Say whether your organisation's senior manager knows")),
    })
    .superRefine(
      (v, ctx) => {
        if (mode === "referral" && named && !v.referrerPhone && !v.referrerEmail) {
          ctx.addIssue({
            code: "custom",
            path: ["referrerPhone"],
            message: "Enter a telephone number or an email address so we can reach you",
          });
        }
      },
      { when: everyProblemAtOnce },
    )
    .transform((v) => ({
      ...v,
      // What was not asked of this referrer is not kept, whatever a tampered or stale form sent.
      ...(staff || asksRole(type) ? {} : { referrerRole: undefined }),
      ...(staff || asksOrganisation(type) || asksAuthority(type) ? {} : { organisationName: undefined }),
      ...(staff || asksOrganisation(type) ? {} : { organisationSector: undefined }),
      ...(staff || isEmployer(type) ? {} : { seniorManagerAware: undefined }),
      ...(staff || named ? {} : { referrerName: undefined, referrerPhone: undefined, referrerEmail: undefined }),
    }));
}

export function subjectSection(mode: Mode) {
  return z
    .object({
      namedProfessional: z.enum(["yes", "no"], "Say whether you can give the person's name"),
      subjectFirstName: text("First name", LIMITS.short),
      subjectLastName: text("Last name", LIMITS.short),
      subjectPreviousNames: text("Previous names", LIMITS.line),
      subjectDateOfBirth: date("Date of birth", { notFuture: true, dateOfBirth: true }),
      subjectSex: choice(Sex, false),
      subjectEthnicGroup: choice(EthnicGroup, false),
      subjectAddress: text("Address", LIMITS.line),
      subjectJobTitle: text("Job title or role", LIMITS.short, req(mode, "Enter their job title or role")),
      subjectRoleGroup: choice(RoleGroup, req(mode, "Choose the kind of role they have")),
      subjectEmployer: text("Where they work or volunteer", LIMITS.name, req(mode, "Enter where they work or volunteer")),
      subjectEmployerSector: choice(Sector, req(mode, "Choose the type of setting")),
      subjectEmployerArea: text("Local authority area", LIMITS.short, req(mode, "Enter the local authority area the setting is in")),
      subjectEmploymentBasis: choice(EmploymentBasis, false),
      subjectAgency: text("Agency", LIMITS.name),
      subjectFosteringService: text("Fostering service", LIMITS.name),
      subjectStartDate: date("Start date", { notFuture: true }),
      subjectOtherWork: text("Other work or volunteering with children", LIMITS.long),
      subjectOwnChildren: text("Their own children or children they care for", LIMITS.long),
      subjectPreviousConcerns: text("Previous concerns", LIMITS.long),
    })
    .superRefine(
      (v, ctx) => {
        if (v.namedProfessional === "yes" && !v.subjectFirstName && !v.subjectLastName) {
          ctx.addIssue({ code: "custom", path: ["subjectLastName"], message: "Enter the person's name, or choose advice only for now" });
        }
      },
      { when: everyProblemAtOnce },
    );
}

/** Up to MAX_CHILDREN children, fields `childAge-1`, `childSex-1`, ...; rows left empty are dropped. */
export function childrenSection(count: number) {
  const shape: Record<string, z.ZodType> = {};
  for (let i = 1; i <= Math.min(count, MAX_CHILDREN); i++) {
    // Their age when it happened: for something long ago, the child may be an adult now.
    shape[`childAge-${i}`] = z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d{1,2}$/.test(v) && Number(v) <= 17), "Enter the child's age at the time, from 0 to 17")
      .optional();
    shape[`childSex-${i}`] = choice(Sex, false);
    shape[`childSetting-${i}`] = text("Setting", LIMITS.name);
    shape[`childName-${i}`] = text("Name", LIMITS.short);
  }
  return z.object(shape).transform((v) => {
    const children: { ageYears?: number; sex?: Sex; setting?: string; name?: string }[] = [];
    for (let i = 1; i <= Math.min(count, MAX_CHILDREN); i++) {
      const age = v[`childAge-${i}`] as string | undefined;
      const child = {
        ageYears: age ? Number(age) : undefined,
        sex: v[`childSex-${i}`] as Sex | undefined,
        setting: v[`childSetting-${i}`] as string | undefined,
        name: v[`childName-${i}`] as string | undefined,
      };
      if (Object.values(child).some((x) => x !== undefined)) children.push(child);
    }
    return { children };
  });
}

/** Checkboxes: none, one or several of a list; at least one only when `required` gives the message for none. */
export const several = <T extends Record<string, string>>(values: T, required: string | false) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, "Choose from the list")).min(required ? 1 : 0, required || undefined),
  );

const harmCategories = (required: string | false) => several(HarmCategory, required);

/**
 * What happened. An employer must say when it found out: it starts the
 * statutory clock. On the public form only an employer is asked it.
 */
export function incidentSection(mode: Mode, type?: ReferrerType) {
  return z
    .object({
      harmCategories: harmCategories(req(mode, "Choose at least one kind of concern")),
      happenedOnline: yesNo(false),
      followedRestraint: yesNo(false),
      incidentDate: date("Date of the incident", {
        notFuture: true,
        required: req(mode, "Enter the date of the incident, or your best estimate"),
      }),
      incidentToDate: date("The last date", { notFuture: true }),
      moreThanOneIncident: yesNo(false),
      employerAwareDate: date("Date your organisation found out", {
        notFuture: true,
        required: mode === "referral" && isEmployer(type) ? "Enter the date your organisation found out" : false,
      }),
      incidentLocation: text("Where it happened", LIMITS.name),
      summary: text("What happened", LIMITS.summary, "Describe what happened"),
      allegationMadeBy: choice(AllegationMadeBy, req(mode, "Say who raised the concern")),
      allegationMadeByDetail: text("Who raised it", LIMITS.name),
    })
    .superRefine(
      (v, ctx) => {
        if (v.incidentDate instanceof Date && v.incidentToDate instanceof Date && v.incidentToDate < v.incidentDate) {
          ctx.addIssue({ code: "custom", path: ["incidentToDate"], message: "The last date must be the same as or after the first" });
        }
      },
      { when: everyProblemAtOnce },
    )
    .transform((v) => (mode === "staff" || isEmployer(type) ? v : { ...v, employerAwareDate: undefined }));
}

/** What had been done. Only the employer is asked whether the person was suspended or moved. */
export function actionsSection(mode: Mode, type?: ReferrerType) {
  const ynu = (message: string, asked = true) => choice(YesNoUnknown, mode === "referral" && asked ? message : false);
  return z
    .object({
      policeInformed: ynu("Say whether the police have been told"),
      policeReference: text("Police reference", 50),
      socialCareInformed: ynu("Say whether children's social care has been told"),
      parentsInformed: ynu("Say whether the child's parents or carers have been told"),
      subjectAware: ynu("Say whether the person knows about the concern"),
      suspendedOrRedeployed: ynu("Say whether the person has been suspended or moved", isEmployer(type)),
      actionsSoFar: text("What has been done", LIMITS.long),
    })
    .transform((v) => (mode === "staff" || isEmployer(type) ? v : { ...v, suspendedOrRedeployed: undefined }));
}

/** When and how a contact logged by staff came in, and whether a child is in danger now. */
export const receiptSection = z.object({
  source: z.enum(ContactSource, "Choose how the contact came in").refine((s) => s !== "ONLINE_FORM", "Choose how the contact came in"),
  receivedDate: date("Date received", { required: "Enter the date the contact was received", notFuture: true }),
  receivedTime: timeOfDay("Enter the time received in 24-hour format, like 14:30"),
  childInImmediateDanger: yesNo("Say whether a child is in immediate danger"),
});

/** The public form's screener, kept on the case as answered. */
export const screenerSection = z.object({
  worksWithChildren: z.enum(["yes", "no", "not-sure"], "Say whether the person works or volunteers with children"),
  aboutConduct: z.enum(["yes", "no", "not-sure"], "Say whether the concern is about how they have behaved"),
  immediateDanger: z.enum(["yes", "no"], "Say whether a child is in immediate danger"),
});

export type ContactAnswers = z.output<ReturnType<typeof referrerTypeSection>> &
  z.output<ReturnType<typeof referrerSection>> &
  z.output<ReturnType<typeof subjectSection>> &
  z.output<ReturnType<typeof childrenSection>> &
  z.output<ReturnType<typeof incidentSection>> &
  z.output<ReturnType<typeof actionsSection>>;

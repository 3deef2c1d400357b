// The fields of a contact, in sections, shared by the public referral form
// (one section a page, most answers required) and the form staff use to log
// a phone call, email, letter or visit (everything optional but the source,
// when it was received and a summary). One zod schema per section and mode.
import { z } from "zod";
import { AllegationMadeBy, ContactSource, EmploymentBasis, HarmCategory, Sector, Sex, YesNoUnknown } from "~/generated/prisma/enums";
import { londonDay } from "~/utils/dates";
import { LIMITS, MAX_CHILDREN } from "./limits";

export type Mode = "referral" | "staff";

export { LIMITS, MAX_CHILDREN };

const tooLong = (label: string, max: number) => `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`;

/** Text: trimmed, bounded; "" becomes undefined unless `required` gives the message for it. */
function text(label: string, max: number, required: string): z.ZodString;
function text(label: string, max: number, required?: string | false): z.ZodType<string | undefined, string | undefined>;
function text(label: string, max: number, required?: string | false) {
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

const yesNo = (required: string | false) =>
  z
    .preprocess(
      (v) => (v === "" ? undefined : v),
      required ? z.enum(["yes", "no"], required) : z.enum(["yes", "no"], "Choose yes or no").optional(),
    )
    .transform((v) => (v === undefined ? undefined : v === "yes"));

type DateOptions = { required?: string | false; notFuture?: boolean; dateOfBirth?: boolean };

/** A yyyy-mm-dd from a GOV.UK date input, as a Date at midnight UTC (a calendar day). */
function date(label: string, options: DateOptions) {
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

// ---------------------------------------------------------------------------

export function referrerSection(mode: Mode) {
  return z.object({
    referrerName: text("Your name", LIMITS.short, req(mode, "Enter your full name")),
    referrerRole: text("Your role", LIMITS.short, req(mode, "Enter your role, like designated safeguarding lead")),
    organisationName: text("Organisation", LIMITS.name, req(mode, "Enter the name of your organisation")),
    organisationSector: choice(Sector, req(mode, "Choose the type of organisation")),
    referrerPhone: phone("Telephone number", req(mode, "Enter a telephone number we can call you on")),
    referrerEmail: blankIfAbsent(
      z
        .string()
        .trim()
        .max(254, tooLong("Email address", 254))
        .superRefine((v, ctx) => {
          if (v === "" && mode === "referral") ctx.addIssue({ code: "custom", message: "Enter your email address" });
          else if (v !== "" && !z.email().safeParse(v).success)
            ctx.addIssue({ code: "custom", message: "Enter an email address in the correct format, like name@example.org" });
        })
        .transform((v) => v.toLowerCase() || undefined),
    ),
    seniorManagerAware: choice(YesNoUnknown, req(mode, "Say whether your organisation's senior manager knows")),
  });
}

export function subjectSection(mode: Mode) {
  return z
    .object({
      namedProfessional: z.enum(["yes", "no"], "Say whether you know the person's name"),
      subjectFirstName: text("First name", LIMITS.short),
      subjectLastName: text("Last name", LIMITS.short),
      subjectPreviousNames: text("Previous names", LIMITS.line),
      subjectDateOfBirth: date("Date of birth", { notFuture: true, dateOfBirth: true }),
      subjectSex: choice(Sex, false),
      subjectEthnicity: text("Ethnicity", LIMITS.short),
      subjectAddress: text("Address", LIMITS.line),
      subjectJobTitle: text("Job title or role", LIMITS.short, req(mode, "Enter their job title or role")),
      subjectEmployer: text("Employer", LIMITS.name, req(mode, "Enter who they work or volunteer for")),
      subjectEmploymentBasis: choice(EmploymentBasis, false),
      subjectStartDate: date("Start date", { notFuture: true }),
      subjectOtherWork: text("Other work or volunteering with children", LIMITS.long),
      subjectOwnChildren: text("Their own children or children they care for", LIMITS.long),
      subjectPreviousConcerns: text("Previous concerns", LIMITS.long),
    })
    .superRefine((v, ctx) => {
      if (v.namedProfessional === "yes" && !v.subjectFirstName && !v.subjectLastName) {
        ctx.addIssue({ code: "custom", path: ["subjectLastName"], message: "Enter the person's name, or say you do not know it" });
      }
    });
}

/** Up to MAX_CHILDREN children, fields `childAge-1`, `childSex-1`, ...; rows left empty are dropped. */
export function childrenSection(count: number) {
  const shape: Record<string, z.ZodType> = {};
  for (let i = 1; i <= Math.min(count, MAX_CHILDREN); i++) {
    shape[`childAge-${i}`] = z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d{1,2}$/.test(v) && Number(v) <= 17), "Enter the child's age in years, from 0 to 17")
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

const harmCategories = (required: string | false) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(HarmCategory, "Choose from the list")).min(required ? 1 : 0, required || undefined),
  );

export function incidentSection(mode: Mode) {
  return z.object({
    harmCategories: harmCategories(req(mode, "Choose at least one kind of concern")),
    followedRestraint: yesNo(false),
    incidentDate: date("Date of the incident", {
      notFuture: true,
      required: req(mode, "Enter the date of the incident, or your best estimate"),
    }),
    moreThanOneIncident: yesNo(false),
    employerAwareDate: date("Date your organisation found out", { notFuture: true }),
    incidentLocation: text("Where it happened", LIMITS.name),
    summary: text("What happened", LIMITS.summary, "Describe what happened"),
    allegationMadeBy: choice(AllegationMadeBy, req(mode, "Say who raised the concern")),
    allegationMadeByDetail: text("Who raised it", LIMITS.name),
  });
}

export function actionsSection(mode: Mode) {
  const ynu = (message: string) => choice(YesNoUnknown, req(mode, message));
  return z.object({
    policeInformed: ynu("Say whether the police have been told"),
    policeReference: text("Police reference", 50),
    socialCareInformed: ynu("Say whether children's social care has been told"),
    parentsInformed: ynu("Say whether the child's parents or carers have been told"),
    subjectAware: ynu("Say whether the person knows about the concern"),
    suspendedOrRedeployed: ynu("Say whether the person has been suspended or moved"),
    actionsSoFar: text("What has been done", LIMITS.long),
  });
}

/** When and how a contact logged by staff came in. */
export const receiptSection = z.object({
  source: z.enum(ContactSource, "Choose how the contact came in").refine((s) => s !== "ONLINE_FORM", "Choose how the contact came in"),
  receivedDate: date("Date received", { required: "Enter the date the contact was received", notFuture: true }),
  receivedTime: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, "Enter the time received in 24-hour format, like 14:30"),
});

export type ContactAnswers = z.output<ReturnType<typeof referrerSection>> &
  z.output<ReturnType<typeof subjectSection>> &
  z.output<ReturnType<typeof childrenSection>> &
  z.output<ReturnType<typeof incidentSection>> &
  z.output<ReturnType<typeof actionsSection>>;

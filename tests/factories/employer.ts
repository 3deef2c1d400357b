// The employer's side: its own investigation of a cause for concern, and on
// an allegation, suspension (or the alternatives considered first) and its
// final action once the outcome is known.
import type { Prisma } from "~/db.server";
import type { EmployerFinalAction, EmployerResult, EmploymentBasis, OutcomeType } from "~/generated/prisma/enums";
import type { CaseFacts } from "./contacts";
import { personName } from "./people";
import { between, cap, chance, dateOnly, faker, officeTime, pick, toDate, weighted, type RecordFields, type Weights } from "./shared";

export type EmployerInvestigationFields = RecordFields<Prisma.EmployerInvestigationCreateManyInput>;
export type EmployerActionFields = RecordFields<Prisma.EmployerActionCreateManyInput>;

/** What employers find when they investigate a cause for concern themselves, coded and in their words. */
const concernFindings = (c: CaseFacts): Weights<{ code: EmployerResult; text: string }> => [
  [
    {
      code: "MANAGEMENT_ADVICE",
      text: `Concern partly upheld. ${cap(c.who)} has been given management advice, recorded on the personnel file.`,
    },
    35,
  ],
  [{ code: "TRAINING", text: `Concern partly upheld. ${cap(c.who)} will complete refresher safeguarding training.` }, 25],
  [{ code: "NO_FURTHER_ACTION", text: "The investigation found no evidence to support the concern. No further action." }, 20],
  [
    {
      code: "FORMAL_DISCIPLINARY",
      text: "Concern upheld. A written warning has been given after a disciplinary hearing, and the staff code of conduct re-issued to all staff.",
    },
    12,
  ],
  [
    {
      code: "RESIGNED",
      text: `${cap(c.who)} resigned before the investigation meeting. The employer has kept a record on the personnel file.`,
    },
    5,
  ],
  [
    { code: "OTHER", text: `${cap(c.who)} has moved to a role with no contact with children while the setting reviews its supervision.` },
    3,
  ],
];

/** How long an employer is given to report back on a cause for concern, in working days. */
const REPORT_BACK_WORKING_DAYS = 20;

export function employerInvestigationData(c: CaseFacts, agreedAt: Date, fields: EmployerInvestigationFields) {
  const received = toDate(fields.resultReceivedAt);
  const finding = received ? weighted(concernFindings(c)) : null;
  return {
    agreedActions: pick([
      `The employer will interview ${c.who} and the witnesses, check CCTV if there is any, and send the LADO a written summary of its findings within 20 working days.`,
      `The manager will meet ${c.who} to go through the concern, review the relevant policy, and report back to the LADO with the result and any action taken.`,
    ]),
    agreedAt,
    investigator: `${personName().full}, ${pick(["HR business partner", "deputy headteacher", "nursery manager", "service manager"])}`,
    reportBackBy: dateOnly(officeTime(agreedAt, REPORT_BACK_WORKING_DAYS)),
    resultCode: finding?.code ?? null,
    result: finding?.text ?? null,
    ...fields,
  };
}

const FINAL_ACTION_DETAIL: Record<EmployerFinalAction, string> = {
  NONE: "No action needed after the outcome.",
  MANAGEMENT_ADVICE: "Management advice given in a supervision meeting and recorded.",
  TRAINING: "To complete safer working practice and behaviour management training.",
  WRITTEN_WARNING: "Written warning, on file for 12 months.",
  FINAL_WARNING: "Final written warning after a disciplinary hearing.",
  DISMISSAL: "Dismissed for gross misconduct after a disciplinary hearing.",
  RESIGNED: "Resigned before the disciplinary hearing; the process was completed in their absence.",
  CEASED_TO_USE: "The agency and the setting have stopped using this person.",
  DEREGISTRATION: "Approval as a foster carer ended by the agency decision maker.",
  OTHER: "Moved to a role with no contact with children.",
};

export function employerActionData(c: CaseFacts, fields: EmployerActionFields) {
  const suspended = fields.suspended ?? false;
  const suspendedAt = toDate(fields.suspendedAt) ?? officeTime(c.receivedAt, between(0, 2));
  const finalAction = fields.finalAction ?? null;
  return {
    suspensionConsidered: true,
    alternativesConsidered: faker.helpers.arrayElements(["REDEPLOYMENT", "SUPERVISION", "MOVE_CHILD"] as const, { min: 1, max: 2 }),
    suspended,
    redeployed: !suspended && chance(0.3),
    ...(suspended
      ? {
          suspendedAt: dateOnly(suspendedAt),
          suspensionRationale: `The allegation is serious${c.policeInvolved ? ", police are investigating" : ""} and the children could not be kept safe by redeployment or supervision while enquiries continue.`,
          suspensionAgreedBy: pick([
            "Chair of governors",
            "Head of HR",
            "Registered manager and responsible individual",
            "Director of education",
          ]),
          writtenConfirmationAt: dateOnly(officeTime(suspendedAt, chance(0.85) ? between(0, 1) : 3)),
          namedContact: `${personName().full}, ${pick(["deputy headteacher", "HR adviser", "assistant manager"])}`,
        }
      : {}),
    finalAction,
    finalActionDetail: finalAction ? FINAL_ACTION_DETAIL[finalAction] : null,
    ...fields,
  };
}

/** The employer's final action on an allegation, given its outcome and how the person was employed. */
export function finalActionFor(outcome: OutcomeType, basis: EmploymentBasis | null): EmployerFinalAction {
  if (outcome === "SUBSTANTIATED") {
    if (basis === "FOSTER_CARER")
      return weighted<EmployerFinalAction>([
        ["DEREGISTRATION", 6],
        ["RESIGNED", 3],
        ["FINAL_WARNING", 1],
      ]);
    if (basis === "AGENCY_SUPPLY" || basis === "VOLUNTEER" || basis === "SELF_EMPLOYED")
      return weighted<EmployerFinalAction>([
        ["CEASED_TO_USE", 7],
        ["RESIGNED", 3],
      ]);
    return weighted<EmployerFinalAction>([
      ["DISMISSAL", 45],
      ["RESIGNED", 25],
      ["FINAL_WARNING", 15],
      ["WRITTEN_WARNING", 10],
      ["TRAINING", 5],
    ]);
  }
  if (outcome === "UNSUBSTANTIATED")
    return weighted<EmployerFinalAction>([
      ["MANAGEMENT_ADVICE", 40],
      ["TRAINING", 25],
      ["NONE", 25],
      ["RESIGNED", 10],
    ]);
  return weighted<EmployerFinalAction>([
    ["NONE", 85],
    ["MANAGEMENT_ADVICE", 15],
  ]);
}

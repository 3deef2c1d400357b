// Everything the referrer told us, as the case file reads it back: the
// referral section's parts and the whole case file PDF's, from one list.
import type { Prisma } from "~/generated/prisma/client";
import type { YesNoUnknown } from "~/generated/prisma/enums";
import { employmentBasisLabels, ethnicGroupLabels, roleGroupLabels, sectorLabels, sexLabels } from "~/people/labels";
import { personName, subjectIdentitySelect } from "~/people/names";
import { harmCategoryLabels } from "~/triage/labels";
import { calendarDate } from "~/utils/dates";
import { allegationMadeByLabels, referrerTypeLabels, screenerAnswerLabels, yesNoUnknownLabels } from "./labels";

/** What the referral answers are read from. */
export const referralSelect = {
  source: true,
  namedProfessional: true,
  screenerWorksWithChildren: true,
  screenerAboutConduct: true,
  childInImmediateDanger: true,
  happenedOnline: true,
  summary: true,
  reportedHarmCategories: true,
  followedRestraint: true,
  incidentFrom: true,
  incidentTo: true,
  moreThanOneIncident: true,
  employerAwareAt: true,
  incidentLocation: true,
  allegationMadeBy: true,
  allegationMadeByDetail: true,
  policeInformed: true,
  policeReference: true,
  socialCareInformed: true,
  parentsInformed: true,
  subjectAware: true,
  suspendedOrRedeployed: true,
  actionsSoFar: true,
  referrer: {
    select: {
      type: true,
      name: true,
      role: true,
      organisationName: true,
      phone: true,
      email: true,
      seniorManagerAware: true,
      organisation: { select: { name: true, sector: true } },
    },
  },
  subject: {
    select: {
      ...subjectIdentitySelect,
      ethnicGroup: true,
      ethnicity: true,
      address: true,
      jobTitle: true,
      roleGroup: true,
      employerName: true,
      sector: true,
      employmentBasis: true,
      startDate: true,
      otherWorkWithChildren: true,
      ownChildrenOrCaring: true,
      previousConcernsKnown: true,
      employer: { select: { name: true, sector: true, localAuthority: true } },
      agency: { select: { name: true } },
      fosteringService: { select: { name: true } },
    },
  },
  children: { orderBy: { id: "asc" }, select: { id: true, name: true, ageYears: true, sex: true, setting: true } },
} as const satisfies Prisma.CaseSelect;

export type Referral = Prisma.CaseGetPayload<{ select: typeof referralSelect }>;

export type AnswerRow = [label: string, value: string | null | undefined];
/** One part of the referral: its rows, or a sentence instead (no named professional, no child). */
export type AnswerPart = { title: string; rows: AnswerRow[]; text?: string };

export const NOT_ANSWERED = "Not answered";

const known = (v: YesNoUnknown | null | undefined) => (v ? yesNoUnknownLabels[v] : null);
const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? "Yes" : "No");
/** A day as the case file shows it, or null when none was given. */
const day = (d: Date | string | null | undefined) => (d ? calendarDate(d) : null);
/** The label for an answer from a list, or null when there was no answer. */
const labelFor = <T extends string>(labels: Record<T, string>, v: T | null | undefined) => (v ? labels[v] : null);
const list = (values: string[]) => (values.length ? values.join(", ") : null);

type Subject = Referral["subject"];

/** A child in one line: "Sam, age 7 at the time, Male, Oak Primary School", leaving out what was not given. */
export const describeChild = (c: Referral["children"][number]) =>
  [c.name, c.ageYears !== null ? `age ${c.ageYears} at the time` : null, labelFor(sexLabels, c.sex), c.setting].filter(Boolean).join(", ");

/** Who the person is. */
const identityRows = (s: NonNullable<Subject>): AnswerRow[] => [
  ["Name", personName(s)],
  ["Previous names", list(s.previousNames)],
  ["Date of birth", day(s.dateOfBirth)],
  ["Sex", labelFor(sexLabels, s.sex)],
  ["Ethnic group", labelFor(ethnicGroupLabels, s.ethnicGroup) ?? s.ethnicity],
  ["Address", s.address],
];

/** Their work with children, and what else the referrer knew. */
const workRows = (s: NonNullable<Subject>): AnswerRow[] => [
  ["Job title", s.jobTitle],
  ["Kind of role", labelFor(roleGroupLabels, s.roleGroup)],
  // The employer as an organisation we know, else (older contacts) as the referrer typed it.
  ["Works or volunteers at", s.employer?.name ?? s.employerName],
  ["Type of setting", labelFor(sectorLabels, s.sector)],
  ["Local authority area", s.employer?.localAuthority],
  ["Employment basis", labelFor(employmentBasisLabels, s.employmentBasis)],
  ["Agency", s.agency?.name],
  ["Fostering service", s.fosteringService?.name],
  ["Started", day(s.startDate)],
  ["Other work or volunteering with children", s.otherWorkWithChildren],
  ["Own children or children cared for", s.ownChildrenOrCaring],
  ["Previous concerns known", s.previousConcernsKnown],
];

/** The public form's first questions, as the referrer answered them (only the form asks them). */
const screenerPart = (file: Referral): AnswerPart[] =>
  file.source === "ONLINE_FORM"
    ? [
        {
          title: "Before the form",
          rows: [
            ["Works or volunteers with children", labelFor(screenerAnswerLabels, file.screenerWorksWithChildren)],
            ["About how they behaved", labelFor(screenerAnswerLabels, file.screenerAboutConduct)],
            ["A child in immediate danger", yesNo(file.childInImmediateDanger)],
          ],
        },
      ]
    : [];

function referrerPart(r: Referral["referrer"]): AnswerPart {
  return {
    title: "Referrer",
    rows: [
      ["Who they are", labelFor(referrerTypeLabels, r?.type)],
      ["Name", r?.name],
      ["Role", r?.role],
      ["Organisation", r?.organisation?.name ?? r?.organisationName],
      ["Sector", r?.organisation ? sectorLabels[r.organisation.sector] : null],
      ["Phone", r?.phone],
      ["Email", r?.email],
      ["Senior manager aware", known(r?.seniorManagerAware)],
    ],
  };
}

/** The person the concern is about: their details, or how they were described when the referrer could not name them. */
function personPart(file: Referral): AnswerPart {
  const title = "Person the concern is about";
  const s = file.subject;
  if (!file.namedProfessional)
    return { title, rows: [], text: `No named professional.${s?.jobTitle ? ` Described as: ${s.jobTitle}.` : ""}` };
  return { title, rows: s ? [...identityRows(s), ...workRows(s)] : [], text: s ? undefined : "Not answered." };
}

function whatHappenedPart(file: Referral): AnswerPart {
  const when = file.incidentFrom
    ? `${calendarDate(file.incidentFrom)}${file.incidentTo ? ` to ${calendarDate(file.incidentTo)}` : ""}`
    : null;
  const madeBy = file.allegationMadeBy
    ? [allegationMadeByLabels[file.allegationMadeBy], file.allegationMadeByDetail].filter(Boolean).join(": ")
    : null;
  return {
    title: "What happened",
    rows: [
      ["Summary", file.summary],
      ["Categories of harm (as referred)", list(file.reportedHarmCategories.map((c) => harmCategoryLabels[c]))],
      ["Online", yesNo(file.happenedOnline)],
      ["During physical intervention or restraint", yesNo(file.followedRestraint)],
      ["When", when],
      ["More than one incident", yesNo(file.moreThanOneIncident)],
      ["Employer found out", day(file.employerAwareAt)],
      ["Where", file.incidentLocation],
      ["Allegation made by", madeBy],
    ],
  };
}

function whatHadBeenDonePart(file: Referral): AnswerPart {
  return {
    title: "What had been done",
    rows: [
      ["Police informed", [known(file.policeInformed), file.policeReference].filter(Boolean).join(", reference ") || null],
      ["Children's social care informed", known(file.socialCareInformed)],
      ["Parents informed", known(file.parentsInformed)],
      ["Person aware", known(file.subjectAware)],
      ["Suspended or redeployed", known(file.suspendedOrRedeployed)],
      ["Other actions", file.actionsSoFar],
    ],
  };
}

/** Every answer of the referral, grouped as the form asks it. */
export function referralAnswers(file: Referral): AnswerPart[] {
  return [
    ...screenerPart(file),
    referrerPart(file.referrer),
    personPart(file),
    file.children.length
      ? { title: "Children", rows: file.children.map((c, i): AnswerRow => [`Child ${i + 1}`, describeChild(c)]) }
      : { title: "Children", rows: [], text: "No child recorded." },
    whatHappenedPart(file),
    whatHadBeenDonePart(file),
  ];
}

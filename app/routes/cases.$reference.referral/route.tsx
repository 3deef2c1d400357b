// The case file's referral section: everything the referrer told us, grouped
// as the form asks it, with "Not answered" where nothing was given.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta, yesNo } from "~/cases/case-page";
import { allegationMadeByLabels, referrerTypeLabels, screenerAnswerLabels, yesNoUnknownLabels } from "~/contacts/labels";
import { employmentBasisLabels, ethnicGroupLabels, roleGroupLabels, sectorLabels, sexLabels } from "~/people/labels";
import { harmCategoryLabels } from "~/triage/labels";
import { SummaryList } from "~/components/summary-list";
import type { YesNoUnknown } from "~/generated/prisma/enums";
import { personName } from "~/people/names";
import { calendarDate } from "~/utils/dates";
import { readReferral } from "./referral.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Referral", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "referral", readReferral);
  return { reference, file: data };
}

type ReferralFile = ReturnType<typeof useLoaderData<typeof loader>>["file"];

const known = (v: YesNoUnknown | null) => (v ? yesNoUnknownLabels[v] : null);
/** A day as the case file shows it, or null when none was given. */
const day = (d: Date | null | undefined) => (d ? calendarDate(d) : null);
/** The label for an answer from a list, or null when there was no answer. */
const labelFor = <T extends string>(labels: Record<T, string>, v: T | null | undefined) => (v ? labels[v] : null);

const NOT_ANSWERED = "Not answered";

export default function Referral() {
  const { file } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Referral</SectionHeading>
      {file.source === "ONLINE_FORM" ? <ScreenerPart file={file} /> : null}
      <ReferrerPart referrer={file.referrer} />
      <PersonPart namedProfessional={file.namedProfessional} subject={file.subject} />
      <ChildrenPart recorded={file.children} />
      <WhatHappenedPart file={file} />
      <WhatHadBeenDonePart file={file} />
    </>
  );
}

/** The public form's first questions, as the referrer answered them. */
function ScreenerPart({ file }: { file: ReferralFile }) {
  return (
    <Part title="Before the form">
      <SummaryList
        empty={NOT_ANSWERED}
        rows={[
          ["Works or volunteers with children", labelFor(screenerAnswerLabels, file.screenerWorksWithChildren)],
          ["About how they behaved", labelFor(screenerAnswerLabels, file.screenerAboutConduct)],
          ["A child in immediate danger", yesNo(file.childInImmediateDanger)],
        ]}
      />
    </Part>
  );
}

function ReferrerPart({ referrer: r }: { referrer: ReferralFile["referrer"] }) {
  return (
    <Part title="Referrer">
      <SummaryList
        empty={NOT_ANSWERED}
        rows={[
          ["Who they are", labelFor(referrerTypeLabels, r?.type)],
          ["Name", r?.name],
          ["Role", r?.role],
          ["Organisation", r?.organisation?.name ?? r?.organisationName],
          ["Sector", r?.organisation ? sectorLabels[r.organisation.sector] : null],
          ["Phone", r?.phone],
          ["Email", r?.email],
          ["Senior manager aware", known(r?.seniorManagerAware ?? null)],
        ]}
      />
    </Part>
  );
}

type Subject = ReferralFile["subject"];

/** The person the concern is about: their details, or how they were described when the referrer could not name them. */
function PersonPart({ namedProfessional, subject }: { namedProfessional: ReferralFile["namedProfessional"]; subject: Subject }) {
  return (
    <Part title="Person the concern is about">
      {namedProfessional ? (
        <SubjectDetails subject={subject} />
      ) : (
        <p className="govuk-body">No named professional. {subject?.jobTitle ? `Described as: ${subject.jobTitle}.` : ""}</p>
      )}
    </Part>
  );
}

/** The employer as an organisation we know, else (older contacts) as the referrer typed it. */
const employerOf = (s: Subject) => s?.employer?.name ?? s?.employerName;

/** Who the person is. */
const identityRows = (s: Subject): [string, string | null | undefined][] => [
  ["Name", personName(s)],
  ["Previous names", list(s?.previousNames ?? [])],
  ["Date of birth", day(s?.dateOfBirth)],
  ["Sex", labelFor(sexLabels, s?.sex)],
  ["Ethnic group", labelFor(ethnicGroupLabels, s?.ethnicGroup) ?? s?.ethnicity],
  ["Address", s?.address],
];

/** Their work with children, and what else the referrer knew. */
const workRows = (s: Subject): [string, string | null | undefined][] => [
  ["Job title", s?.jobTitle],
  ["Kind of role", labelFor(roleGroupLabels, s?.roleGroup)],
  ["Works or volunteers at", employerOf(s)],
  ["Type of setting", labelFor(sectorLabels, s?.sector)],
  ["Local authority area", s?.employer?.localAuthority],
  ["Employment basis", labelFor(employmentBasisLabels, s?.employmentBasis)],
  ["Agency", s?.agency?.name],
  ["Fostering service", s?.fosteringService?.name],
  ["Started", day(s?.startDate)],
  ["Other work or volunteering with children", s?.otherWorkWithChildren],
  ["Own children or children cared for", s?.ownChildrenOrCaring],
  ["Previous concerns known", s?.previousConcernsKnown],
];

function SubjectDetails({ subject }: { subject: Subject }) {
  return <SummaryList empty={NOT_ANSWERED} rows={[...identityRows(subject), ...workRows(subject)]} />;
}

/** A child in one line: "Sam, age 7 at the time, Male, Oak Primary School", leaving out what was not given. */
const describeChild = (c: ReferralFile["children"][number]) =>
  [c.name, c.ageYears !== null ? `age ${c.ageYears} at the time` : null, labelFor(sexLabels, c.sex), c.setting].filter(Boolean).join(", ");

function ChildrenPart({ recorded }: { recorded: ReferralFile["children"] }) {
  return (
    <Part title="Children">
      {recorded.length ? (
        <SummaryList rows={recorded.map((c, i) => [`Child ${i + 1}`, describeChild(c)])} />
      ) : (
        <p className="govuk-body">No child recorded.</p>
      )}
    </Part>
  );
}

function WhatHappenedPart({ file }: { file: ReferralFile }) {
  return (
    <Part title="What happened">
      <SummaryList
        empty={NOT_ANSWERED}
        rows={[
          ["Summary", file.summary],
          ["Categories of harm (as referred)", list(file.reportedHarmCategories.map((c) => harmCategoryLabels[c]))],
          ["Online", yesNo(file.happenedOnline)],
          ["During physical intervention or restraint", yesNo(file.followedRestraint)],
          [
            "When",
            file.incidentFrom ? `${calendarDate(file.incidentFrom)}${file.incidentTo ? ` to ${calendarDate(file.incidentTo)}` : ""}` : null,
          ],
          ["More than one incident", yesNo(file.moreThanOneIncident)],
          ["Employer found out", day(file.employerAwareAt)],
          ["Where", file.incidentLocation],
          [
            "Allegation made by",
            file.allegationMadeBy
              ? [allegationMadeByLabels[file.allegationMadeBy], file.allegationMadeByDetail].filter(Boolean).join(": ")
              : null,
          ],
        ]}
      />
    </Part>
  );
}

function WhatHadBeenDonePart({ file }: { file: ReferralFile }) {
  return (
    <Part title="What had been done">
      <SummaryList
        empty={NOT_ANSWERED}
        rows={[
          ["Police informed", [known(file.policeInformed), file.policeReference].filter(Boolean).join(", reference ") || null],
          ["Children's social care informed", known(file.socialCareInformed)],
          ["Parents informed", known(file.parentsInformed)],
          ["Person aware", known(file.subjectAware)],
          ["Suspended or redeployed", known(file.suspendedOrRedeployed)],
          ["Other actions", file.actionsSoFar],
        ]}
      />
    </Part>
  );
}

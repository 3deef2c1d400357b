import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { recordAudit } from "~/audit/audit.server";
import { requireUser } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { findCase } from "~/cases/cases.server";
import {
  allegationMadeByLabels,
  decisionLabels,
  employerFinalActionLabels,
  employmentBasisLabels,
  harmCategoryLabels,
  harmCriterionLabels,
  meetingTypeLabels,
  onwardBodyLabels,
  outcomeLabels,
  policeStatusLabels,
  redirectLabels,
  sectorLabels,
  sexLabels,
  sourceLabels,
  yesNoUnknownLabels,
} from "~/cases/labels";
import { stageLabels, stageTagColours } from "~/cases/stage";
import { SummaryList } from "~/components/summary-list";
import { messageStatusLabels, messageStatusTags } from "~/messages/labels";
import { humanFileSize } from "~/documents/file-types";
import { calendarDate, londonDate, londonDateTime } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.file.reference ?? "Case"} - LADO case management` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "case:read");
  const file = await findCase(params.reference ?? "");
  if (!file) throw notFound();
  await recordAudit(request, { who: user.id, what: "case.view", caseId: file.id });
  return { file, canSeeTrail: can(user.roles, "audit:read") };
}

const list = (values: string[]) => (values.length ? values.join(", ") : null);
const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? "Yes" : "No");

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={title.replace(/\W+/g, "-").toLowerCase()}>
      <h2 className="govuk-heading-m" id={title.replace(/\W+/g, "-").toLowerCase()}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function CasePage() {
  const { file, canSeeTrail } = useLoaderData<typeof loader>();
  const s = file.subject;
  const subjectName = [s?.firstName, s?.lastName].filter(Boolean).join(" ");
  return (
    <>
      <span className="govuk-caption-l">{sourceLabels[file.source]} contact</span>
      <h1 className="govuk-heading-l">
        {file.reference} <strong className={`govuk-tag ${stageTagColours[file.stage]}`}>{stageLabels[file.stage]}</strong>
      </h1>
      {canSeeTrail ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${file.reference}/audit`}>
            Who has looked at or changed this case
          </Link>
        </p>
      ) : null}

      <Section title="Contact">
        <SummaryList
          rows={[
            ["Received", londonDateTime(file.receivedAt)],
            ["Source", sourceLabels[file.source]],
            ["Logged by", file.loggedBy?.name ?? (file.source === "ONLINE_FORM" ? "Online referral form" : null)],
            ["Allocated to", file.allocatedTo?.name ?? "Unallocated"],
            ["Initial consideration", file.initialConsideredAt ? londonDateTime(file.initialConsideredAt) : "Not yet done"],
            ["Prior history and immediate action", file.initialConsideration],
          ]}
        />
      </Section>

      <Section title="Referrer">
        <SummaryList
          rows={[
            ["Name", file.referrer?.name],
            ["Role", file.referrer?.role],
            ["Organisation", file.referrer?.organisation?.name],
            ["Sector", file.referrer?.organisation ? sectorLabels[file.referrer.organisation.sector] : null],
            ["Phone", file.referrer?.phone],
            ["Email", file.referrer?.email],
            ["Senior manager aware", file.referrer?.seniorManagerAware ? yesNoUnknownLabels[file.referrer.seniorManagerAware] : null],
          ]}
        />
      </Section>

      <Section title="Person the concern is about">
        {file.namedProfessional ? (
          <SummaryList
            rows={[
              ["Name", subjectName],
              ["Previous names", list(s?.previousNames ?? [])],
              ["Date of birth", s?.dateOfBirth ? calendarDate(s.dateOfBirth) : null],
              ["Sex", s?.sex ? sexLabels[s.sex] : null],
              ["Job title", s?.jobTitle],
              ["Employer", s?.employer?.name ?? s?.employerName],
              ["Sector", s?.sector ? sectorLabels[s.sector] : null],
              ["Employment basis", s?.employmentBasis ? employmentBasisLabels[s.employmentBasis] : null],
              ["Other work or volunteering with children", s?.otherWorkWithChildren],
              ["Previous concerns known", s?.previousConcernsKnown],
            ]}
          />
        ) : (
          <p className="govuk-body">No named professional. {s?.jobTitle ? `Described as: ${s.jobTitle}.` : ""}</p>
        )}
      </Section>

      <Section title="Children">
        {file.children.length ? (
          <SummaryList
            rows={file.children.map((c, i) => [
              `Child ${i + 1}`,
              [c.name, c.ageYears !== null ? `age ${c.ageYears}` : null, c.sex ? sexLabels[c.sex] : null, c.setting]
                .filter(Boolean)
                .join(", "),
            ])}
          />
        ) : (
          <p className="govuk-body">No child recorded.</p>
        )}
      </Section>

      <Section title="What happened">
        <SummaryList
          rows={[
            ["Summary", file.summary],
            ["Categories of harm (as referred)", list(file.reportedHarmCategories.map((c) => harmCategoryLabels[c]))],
            ["After an authorised restraint", yesNo(file.followedRestraint)],
            ["Incident date", file.incidentFrom ? calendarDate(file.incidentFrom) : null],
            ["Where", file.incidentLocation],
            ["Allegation made by", file.allegationMadeBy ? allegationMadeByLabels[file.allegationMadeBy] : null],
            ["Police informed", file.policeInformed ? yesNoUnknownLabels[file.policeInformed] : null],
            ["Social care informed", file.socialCareInformed ? yesNoUnknownLabels[file.socialCareInformed] : null],
          ]}
        />
      </Section>

      <Section title="Threshold decision">
        {file.decisions.length ? (
          file.decisions.map((d, i) => (
            <div key={d.id}>
              <h3 className="govuk-heading-s">{i === 0 ? "Current decision" : `Earlier decision (revision ${d.revision})`}</h3>
              <SummaryList
                rows={[
                  ["Decision", decisionLabels[d.category]],
                  ["Harm threshold", list(d.harmCriteria.map((c) => harmCriterionLabels[c]))],
                  ["Categories of harm", list(d.harmCategories.map((c) => harmCategoryLabels[c]))],
                  ["Rationale", d.rationale],
                  ["Decided", `${londonDateTime(d.decidedAt)}${d.decidedBy ? ` by ${d.decidedBy.name}` : ""}`],
                ]}
              />
            </div>
          ))
        ) : (
          <p className="govuk-body">No decision yet.</p>
        )}
      </Section>

      {file.advice ? (
        <Section title="Advice given">
          <SummaryList
            rows={[
              ["Advice", file.advice.adviceGiven],
              ["Redirected to", file.advice.redirectedTo ? redirectLabels[file.advice.redirectedTo] : "Not redirected"],
              ["Written follow-up sent", file.advice.followUpSentAt ? londonDate(file.advice.followUpSentAt) : "Not yet"],
            ]}
          />
        </Section>
      ) : null}

      {file.meetings.length ? (
        <Section title="Meetings">
          {file.meetings.map((m) => (
            <div key={m.id}>
              <h3 className="govuk-heading-s">
                {meetingTypeLabels[m.type]}, {londonDate(m.heldAt)}
              </h3>
              <SummaryList
                rows={[
                  ["Attendees", list(m.attendees.map((a) => `${a.name} (${a.agency})`))],
                  ["Decisions", m.decisions],
                  ["Next review", m.nextReviewDate ? calendarDate(m.nextReviewDate) : null],
                ]}
              />
            </div>
          ))}
        </Section>
      ) : null}

      {file.actions.length ? (
        <Section title="Actions">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Action
                </th>
                <th scope="col" className="govuk-table__header">
                  Owner
                </th>
                <th scope="col" className="govuk-table__header">
                  Due
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {file.actions.map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell app-pre-wrap">{a.description}</td>
                  <td className="govuk-table__cell">
                    {a.ownerName} ({a.ownerAgency})
                  </td>
                  <td className="govuk-table__cell">{calendarDate(a.dueDate)}</td>
                  <td className="govuk-table__cell">{a.status === "OPEN" ? "Open" : a.status === "DONE" ? "Done" : "Cancelled"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {file.police ? (
        <Section title="Police">
          <SummaryList
            rows={[
              ["Status", policeStatusLabels[file.police.status]],
              ["Force", file.police.force],
              ["Reference", file.police.reference],
              ["Officer", file.police.officerName],
              ["Informed", file.police.informedAt ? londonDate(file.police.informedAt) : null],
              ["Last update", file.police.updates[0] ? `${londonDate(file.police.updates[0].at)}: ${file.police.updates[0].note}` : "None"],
              ["Challenges and escalations", String(file.police.challenges.length)],
            ]}
          />
        </Section>
      ) : null}

      {file.employerAction ? (
        <Section title="Employer actions">
          <SummaryList
            rows={[
              ["Suspension considered", yesNo(file.employerAction.suspensionConsidered)],
              ["Suspended", yesNo(file.employerAction.suspended)],
              ["Rationale", file.employerAction.suspensionRationale],
              ["Final action", file.employerAction.finalAction ? employerFinalActionLabels[file.employerAction.finalAction] : null],
            ]}
          />
        </Section>
      ) : null}

      {file.outcome ? (
        <Section title="Outcome">
          <SummaryList
            rows={[
              ["Outcome", outcomeLabels[file.outcome.outcome]],
              ["Rationale", file.outcome.rationale],
              ["Decided", londonDate(file.outcome.decidedAt)],
              ["Person resigned", yesNo(file.outcome.personResigned)],
              ["Onward referrals", list(file.onwardReferrals.map((r) => `${onwardBodyLabels[r.body]} (${calendarDate(r.referredAt)})`))],
            ]}
          />
        </Section>
      ) : null}

      {file.closures[0] ? (
        <Section title="Closure">
          <SummaryList
            rows={[
              [
                "Proposed",
                `${londonDate(file.closures[0].proposedAt)}${file.closures[0].proposedBy ? ` by ${file.closures[0].proposedBy.name}` : ""}`,
              ],
              [
                "Signed off",
                file.closures[0].signedOffAt
                  ? `${londonDate(file.closures[0].signedOffAt)}${file.closures[0].signedOffBy ? ` by ${file.closures[0].signedOffBy.name}` : ""}`
                  : "Waiting for a manager",
              ],
            ]}
          />
        </Section>
      ) : null}

      <Section title="Documents">
        {file.documents.length ? (
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Document
                </th>
                <th scope="col" className="govuk-table__header">
                  Kind
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Size
                </th>
                <th scope="col" className="govuk-table__header">
                  Added
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {file.documents.map((d) => (
                <tr className="govuk-table__row" key={d.id}>
                  <td className="govuk-table__cell">
                    {/* A plain link: the file downloads instead of being routed by Remix. */}
                    <a className="govuk-link" href={`/documents/${d.id}`} download={d.filename}>
                      {d.filename}
                    </a>
                  </td>
                  <td className="govuk-table__cell">
                    {
                      {
                        ATTACHMENT: "Attachment",
                        ADVICE_LETTER: "Advice letter",
                        MEETING_MINUTES: "Meeting minutes",
                        OUTCOME_LETTER: "Outcome letter",
                        CASE_FILE: "Case file",
                        OTHER: "Other",
                      }[d.kind]
                    }
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{humanFileSize(d.sizeBytes)}</td>
                  <td className="govuk-table__cell">{londonDateTime(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">No documents.</p>
        )}
      </Section>

      <Section title="Emails">
        {file.messages.length ? (
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Subject
                </th>
                <th scope="col" className="govuk-table__header">
                  To
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  When
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {file.messages.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <td className="govuk-table__cell">{m.subject}</td>
                  <td className="govuk-table__cell">{m.toAddress}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${messageStatusTags[m.status]}`}>{messageStatusLabels[m.status]}</strong>
                  </td>
                  <td className="govuk-table__cell">{londonDateTime(m.sentAt ?? m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">No emails about this case.</p>
        )}
      </Section>
    </>
  );
}

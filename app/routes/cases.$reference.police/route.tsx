// The case file's police section: what the police are doing (recorded and
// changed here), their dated updates, the LADO's challenges and escalations
// with the answers, the police-delay flag and why it is up, and children's
// social care's section 47 enquiry.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { allegationFacts, allegationProblem } from "~/allegations/allegation.server";
import { challengeKindLabels, policeStatusLabels } from "~/allegations/labels";
import { policeDelayOf } from "~/allegations/police.server";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta, yesNo } from "~/cases/case-page";
import { ErrorSummary, type FieldState } from "~/components/form-fields";
import { ChangeDetails, stateFor } from "~/components/section-forms";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { getSettings } from "~/config/settings.server";
import { calendarDate, londonDate, londonDay } from "~/utils/dates";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { handleForm } from "./actions.server";
import {
  AnswerForm,
  ChallengeForm,
  InvolvementForm,
  involvementFields,
  Section47Form,
  section47Fields,
  todayFields,
  UpdateForm,
} from "./forms";
import { readPolice } from "./police.server";
import { formIntent } from "./schema.server";

// Reading the section needs case:read; every form on it posts to the action, which needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Police", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "police", readPolice);
  const settings = await getSettings();
  const now = new Date();
  return {
    reference,
    file: data,
    canWrite: can(user.roles, "case:write"),
    delay: data.police ? policeDelayOf(data.police, now, settings) : null,
    today: londonDay(now),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const chosen = parseValues(formIntent, values);
  if (!chosen.ok) return invalid(chosen.failure);
  const facts = await allegationFacts(found.id);
  const problem = allegationProblem(facts);
  if (problem) return invalid({ errors: { intent: problem }, values }, 409);
  const { receivedDay } = facts;
  return handleForm[chosen.data.intent]({ request, userId: user.id, caseId: found.id, reference: found.reference, receivedDay, values });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type Police = NonNullable<Page["file"]["police"]>;

export default function PoliceSection() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FieldState | undefined;
  const { file, canWrite } = page;
  const p = file.police;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Police</SectionHeading>
      <DelayWarning delay={page.delay} />
      <section className="govuk-!-margin-bottom-8" aria-labelledby="investigation-title" id="investigation" tabIndex={-1}>
        <h3 className="govuk-heading-m" id="investigation-title">
          Investigation
        </h3>
        {p ? <Involvement police={p} /> : <p className="govuk-body">No police involvement recorded.</p>}
        {canWrite ? (
          p ? (
            <ChangeDetails summary="Change the police involvement" open={stateFor(result, "involvement") !== undefined}>
              <InvolvementForm state={stateFor(result, "involvement") ?? involvementFields(p)} submit="Save changes" />
            </ChangeDetails>
          ) : (
            <InvolvementForm state={stateFor(result, "involvement") ?? involvementFields(null)} submit="Save police involvement" />
          )
        ) : null}
      </section>
      {p ? <Updates police={p} page={page} result={result} /> : null}
      {p ? <Challenges police={p} page={page} result={result} /> : null}
      <SocialCare page={page} result={result} />
    </>
  );
}

/** The flag, when up, with each reason it is. */
function DelayWarning({ delay }: { delay: Page["delay"] }) {
  if (!delay?.raised) return null;
  return (
    <div className="govuk-warning-text" id="police-delay">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        Police delay: {delay.reasons.map((r) => r.text).join(". ")}. Challenge or escalate, and record it below.
      </strong>
    </div>
  );
}

function Involvement({ police: p }: { police: Police }) {
  return (
    <SummaryList
      rows={[
        ["Status", policeStatusLabels[p.status]],
        ["Force", p.force],
        ["Reference", p.reference],
        ["Officer", [p.officerName, p.officerContact].filter(Boolean).join(", ") || null],
        ["Informed", p.informedAt ? londonDate(p.informedAt) : null],
        ["Investigation opened", p.openedAt ? londonDate(p.openedAt) : null],
        ["Concluded", p.concludedAt ? londonDate(p.concludedAt) : null],
      ]}
    />
  );
}

function Updates({ police: p, page, result }: { police: Police; page: Page; result?: FieldState }) {
  const state = stateFor(result, "update");
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="updates-title" id="updates" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="updates-title">
        Updates from the police
      </h3>
      <Table
        caption="Updates from the police"
        captionHidden
        columns={[
          { header: "Date", cell: (u) => londonDate(u.at), className: "app-nowrap" },
          { header: "Status", cell: (u) => policeStatusLabels[u.status] },
          { header: "Update", cell: (u) => u.note, className: "app-pre-wrap" },
          { header: "Recorded by", cell: (u) => u.recordedBy?.name ?? null },
        ]}
        rows={p.updates}
        rowKey={(u) => u.id}
        empty="No update from the police recorded yet."
      />
      {page.canWrite ? (
        <ChangeDetails summary="Add an update from the police" open={state !== undefined}>
          <p className="govuk-body">The investigation&apos;s status follows the latest update.</p>
          <UpdateForm state={state ?? { values: { ...todayFields("updateDate", page.today).values, updateStatus: p.status } }} />
        </ChangeDetails>
      ) : null}
    </section>
  );
}

function Challenges({ police: p, page, result }: { police: Police; page: Page; result?: FieldState }) {
  const asked = stateFor(result, "challenge");
  const answered = stateFor(result, "answer");
  const open = p.challenges.filter((c) => !c.respondedAt);
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="challenges-title" id="challenges" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="challenges-title">
        Challenges and escalations
      </h3>
      <Table
        caption="Challenges and escalations"
        captionHidden
        columns={[
          { header: "Date", cell: (c) => londonDate(c.at), className: "app-nowrap" },
          { header: "Kind", cell: (c) => challengeKindLabels[c.kind] },
          { header: "To whom", cell: (c) => c.toWhom },
          { header: "What was asked", cell: (c) => c.detail, className: "app-pre-wrap" },
          {
            header: "Answer",
            cell: (c) => (c.response ? `${c.respondedAt ? `${londonDate(c.respondedAt)}: ` : ""}${c.response}` : "No answer yet"),
            className: "app-pre-wrap",
          },
        ]}
        rows={p.challenges}
        rowKey={(c) => c.id}
        empty="No challenge or escalation recorded."
      />
      {page.canWrite ? (
        <>
          <ChangeDetails summary="Record a challenge or escalation" open={asked !== undefined}>
            <ChallengeForm state={asked ?? todayFields("challengeDate", page.today)} />
          </ChangeDetails>
          {open.length ? (
            <ChangeDetails summary="Record the police's answer to a challenge" open={answered !== undefined}>
              <AnswerForm
                open={open}
                state={
                  answered ?? {
                    values: { ...todayFields("answeredAt", page.today).values, challengeId: open.length === 1 ? open[0]!.id : "" },
                  }
                }
              />
            </ChangeDetails>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function SocialCare({ page, result }: { page: Page; result?: FieldState }) {
  const s = page.file.section47;
  const state = stateFor(result, "section47");
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="social-care-title" id="social-care" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="social-care-title">
        Children&apos;s social care
      </h3>
      {s ? (
        <SummaryList
          rows={[
            ["Referred", s.referredAt ? calendarDate(s.referredAt) : null],
            ["Section 47 enquiry held", yesNo(s.held)],
            ["Started", s.startedAt ? calendarDate(s.startedAt) : null],
            ["Result", s.result],
          ]}
        />
      ) : (
        <p className="govuk-body">Nothing recorded from children&apos;s social care.</p>
      )}
      {page.canWrite ? (
        s ? (
          <ChangeDetails summary="Change what children's social care did" open={state !== undefined}>
            <Section47Form state={state ?? section47Fields(s)} submit="Save changes" />
          </ChangeDetails>
        ) : (
          <Section47Form state={state ?? section47Fields(null)} submit="Save children's social care" />
        )
      ) : null}
    </section>
  );
}

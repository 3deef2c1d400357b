// The case file's decisions section: the initial consideration (met or
// missed against the due time kept with it), the threshold decision and
// every earlier revision (the advice given has its own section), and a cause for concern's
// agreement with the employer and its result. A LADO or manager records each
// here; the first decision and the initial consideration go in one form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { list, Part, SectionHeading, sectionMeta, yesNo } from "~/cases/case-page";
import { sectionPath } from "~/cases/sections";
import { ErrorSummary, type FieldState } from "~/components/form-fields";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { reportBackStatus } from "~/triage/cause-for-concern";
import type { LatestDecision } from "~/triage/decisions.server";
import type { Holidays } from "~/calendar/working-days";
import { consideredAgainstDue, dueByLabel, initialConsideration, timeLeftLabel } from "~/triage/initial-consideration";
import { decisionLabels, employerResultLabels, harmCategoryLabels, harmCriterionLabels, immediateActionLabels } from "~/triage/labels";
import { calendarDate, londonDate, londonDateTime, londonDay } from "~/utils/dates";
import { readForm } from "~/utils/forms.server";
import { closedMessage, handleForm, type Failure } from "./actions.server";
import { closedAt } from "~/triage/decisions.server";
import { readDecisions } from "./decisions.server";
import { priorHistorySummary } from "~/people/matching.server";
import {
  AgreementForm,
  agreementFields,
  ChangeDetails,
  ConsiderationForm,
  considerationFields,
  DecisionForm,
  FirstDecisionForm,
  ResultForm,
  resultFields,
  stateFor,
} from "./forms";
import { formIntent } from "./schema.server";

// Reading the section needs case:read; every form on it posts to the action, which needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Decisions", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "decisions", async (tx, caseId) => ({
    file: await readDecisions(tx, caseId),
    priorHistory: await priorHistorySummary(caseId, tx),
    closed: await closedAt(tx, caseId),
  }));
  const { file, priorHistory, closed } = data;
  const [settings, holidays] = await Promise.all([getSettings(), getBankHolidays()]);
  const now = new Date();
  const investigation = file.employerInvestigation;
  return {
    reference,
    canWrite: can(user.roles, "case:write"),
    file,
    priorHistory,
    /** A closed case takes no new decision: why, and what to do instead. */
    closedNotice: closed ? closedMessage(closed) : null,
    /** Met or missed, against the due time kept when it was first recorded. */
    timeliness:
      file.initialConsideredAt && file.initialConsiderationDue
        ? consideredAgainstDue(file.initialConsideredAt, file.initialConsiderationDue)
        : null,
    /** Before it is recorded: "Due by 4pm Monday 30 November", "Overdue by 2 hours". */
    considerationDue: file.initialConsideredAt ? null : timeLeft(file.receivedAt, now, settings.initialConsiderationWorkingDays, holidays),
    /** Once recorded, the due time it was recorded against, with its year (seen from 1970): "by the end of Monday 30 November 2026". */
    dueBy: file.initialConsiderationDue ? dueByLabel(file.initialConsiderationDue, new Date(0)) : null,
    reportBack: investigation ? reportBackStatus(investigation.reportBackBy, investigation.resultReceivedAt !== null, now) : null,
    evaluationMeetingWorkingDays: settings.evaluationMeetingWorkingDays,
    today: londonDay(now),
  };
}

function timeLeft(receivedAt: Date, now: Date, workingDays: number, holidays: Holidays) {
  const due = initialConsideration(receivedAt, now, workingDays, holidays);
  return { label: timeLeftLabel(due, now), overdue: due.overdue };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const intent = formIntent.safeParse(values.intent);
  // Only a tampered or empty form names no form: the error page says so.
  if (!intent.success) throw data({ message: "bad-request" }, { status: 400 });
  return handleForm[intent.data]({ request, userId: user.id, caseId: found.id, reference: found.reference, values });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type Decision = Page["file"]["decisions"][number];

export default function Decisions() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (Failure & FieldState) | undefined;
  const { file } = page;
  const current = file.decisions[0];
  return (
    <>
      <SectionHeading>Decisions</SectionHeading>
      <ErrorSummary errors={result?.errors} />
      {current?.category === "ALLEGATION" && file._count.meetings === 0 ? <AllegationNext page={page} /> : null}
      <Consideration page={page} result={result} />
      <ThresholdDecision page={page} result={result} />
      {/* Once an allegation, the employer's investigation is on the employer section. */}
      {current?.category === "CAUSE_FOR_CONCERN" || (file.employerInvestigation && current?.category !== "ALLEGATION") ? (
        <CauseForConcern page={page} result={result} />
      ) : null}
    </>
  );
}

/**
 * Not yet recorded, for those who may: one form for the initial
 * consideration and the first decision. Otherwise what was recorded, and a
 * form to change it.
 */
function Consideration({ page, result }: { page: Page; result?: FieldState }) {
  const { file } = page;
  const current = file.decisions[0];
  if (page.canWrite && !file.initialConsideredAt) {
    return (
      <FirstDecisionForm
        state={stateFor(result, "consider", "consider-and-decide")}
        basedOn={current?.revision ?? 0}
        harmCategories={current?.harmCategories ?? file.reportedHarmCategories}
        considerationPart={<ConsiderationIntro page={page} />}
      />
    );
  }
  return (
    <Part title="Initial consideration">
      <ConsiderationSummary page={page} result={result} />
    </Part>
  );
}

/** After an allegation, until its first meeting: the allegation process is next. */
function AllegationNext({ page }: { page: Page }) {
  return (
    <NotificationBanner
      heading={`Next: the allegation process (evaluation meeting within ${page.evaluationMeetingWorkingDays} working days)`}
    >
      <p className="govuk-body">
        <Link className="govuk-notification-banner__link" to={sectionPath(page.reference, "meetings")}>
          Go to meetings and actions
        </Link>
      </p>
    </NotificationBanner>
  );
}

/** What the prior-history check found, in a line, with the way to it. */
function PriorHistoryLink({ reference, found }: { reference: string; found: Page["priorHistory"] }) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const facts = [
    found.confirmed ? `known before: ${plural(found.confirmed, "contact", "contacts")}` : null,
    found.candidates
      ? `${plural(found.candidates, "possible earlier record", "possible earlier records")} to check${found.strong ? ` (${found.strong} strong)` : ""}`
      : null,
    found.settingContacts ? `${plural(found.settingContacts, "contact", "contacts")} about the same setting in the last 3 years` : null,
  ].filter(Boolean);
  return (
    <p className="govuk-body">
      Prior history: {facts.length ? facts.join("; ") : "no earlier record of this person or setting found"}.{" "}
      <Link className="govuk-link" to={sectionPath(reference, "prior-history")}>
        {found.candidates ? "Check prior history" : "See prior history"}
      </Link>
    </p>
  );
}

/** The top of the first-decision form: the consideration's heading, when it is due, and the prior history to check. */
function ConsiderationIntro({ page }: { page: Page }) {
  return (
    <>
      <h3 className="govuk-heading-m">Initial consideration</h3>
      <DueTag due={page.considerationDue} />
      <PriorHistoryLink reference={page.reference} found={page.priorHistory} />
    </>
  );
}

/** How long is left for the initial consideration, or how late it is. */
function DueTag({ due }: { due: Page["considerationDue"] }) {
  if (!due) return null;
  return (
    <p className="govuk-body">
      <strong className={`govuk-tag ${due.overdue ? "govuk-tag--red" : "govuk-tag--yellow"}`}>{due.label}</strong>
    </p>
  );
}

/** "Met" or "Missed", and by how much. */
function Timeliness({ timeliness }: { timeliness: Page["timeliness"] }) {
  if (!timeliness) return null;
  return (
    <>
      <br />
      <strong className={`govuk-tag ${timeliness.met ? "govuk-tag--green" : "govuk-tag--red"}`}>
        {timeliness.met ? "Met" : "Missed"}
      </strong>{" "}
      {timeliness.label}
    </>
  );
}

function ConsiderationSummary({ page, result }: { page: Page; result?: FieldState }) {
  const { file, reference, canWrite } = page;
  if (!file.initialConsideredAt) {
    return (
      <>
        <p className="govuk-body">Not recorded yet.</p>
        <DueTag due={page.considerationDue} />
        <PriorHistoryLink reference={reference} found={page.priorHistory} />
      </>
    );
  }
  const actions = file.immediateActions.map((a) =>
    a === "OTHER" && file.immediateActionDetail ? `Other: ${file.immediateActionDetail}` : immediateActionLabels[a],
  );
  const by = file.initialConsideredBy ? ` by ${file.initialConsideredBy.name}` : "";
  return (
    <>
      <SummaryList
        rows={[
          ["Considered", `${londonDateTime(file.initialConsideredAt)}${by}`],
          [
            "Due",
            page.dueBy ? (
              <>
                {page.dueBy.charAt(0).toUpperCase() + page.dueBy.slice(1)}
                <Timeliness timeliness={page.timeliness} />
              </>
            ) : null,
          ],
          ["Prior history seen", yesNo(file.priorHistorySeen)],
          ["Immediate action", list(actions)],
          ["Notes", file.initialConsideration],
        ]}
      />
      <PriorHistoryLink reference={reference} found={page.priorHistory} />
      {canWrite ? (
        <ChangeDetails summary="Change the initial consideration" open={stateFor(result, "consider") !== undefined}>
          <p className="govuk-body">The time it was first recorded stays the one it is timed against.</p>
          <ConsiderationForm state={stateFor(result, "consider") ?? considerationFields(file)} />
        </ChangeDetails>
      ) : null}
    </>
  );
}

type ShownDecision = Pick<Decision, "category" | "harmCriteria" | "harmCategories" | "rationale" | "decidedBy"> & {
  decidedAt: Date | string;
};

function DecisionRows({ decision: d }: { decision: ShownDecision }) {
  return (
    <SummaryList
      rows={[
        ["Decision", decisionLabels[d.category]],
        ["Harm threshold", list(d.harmCriteria.map((c) => harmCriterionLabels[c]))],
        ["Categories of harm", list(d.harmCategories.map((c) => harmCategoryLabels[c]))],
        ["Rationale", d.rationale],
        ["Decided", `${londonDateTime(d.decidedAt)}${d.decidedBy ? ` by ${d.decidedBy.name}` : ""}`],
      ]}
    />
  );
}

/** Every decision, newest first: the current one, then each earlier revision with its own rationale. */
function DecisionHistory({ decisions }: { decisions: Decision[] }) {
  if (decisions.length === 0) return <p className="govuk-body">No decision yet.</p>;
  return decisions.map((d, i) => (
    <div key={d.id}>
      <h4 className="govuk-heading-s">{i === 0 ? "Current decision" : `Earlier decision (revision ${d.revision})`}</h4>
      <DecisionRows decision={d} />
    </div>
  ));
}

/**
 * Every decision, and the form for the next (once the initial consideration
 * is recorded: before, the first decision is asked with it, above).
 */
function ThresholdDecision({ page, result }: { page: Page; result?: Failure & FieldState }) {
  const { file } = page;
  const askedAbove = page.canWrite && !file.initialConsideredAt;
  if (askedAbove && file.decisions.length === 0) return null;
  return (
    <Part title="Threshold decision">
      {result?.latest ? <LatestDecisionPanel latest={result.latest} /> : null}
      <DecisionHistory decisions={file.decisions} />
      {page.closedNotice ? (
        <p className="govuk-inset-text">{page.closedNotice}.</p>
      ) : page.canWrite && !askedAbove ? (
        <NextDecision current={file.decisions[0]} harmCategories={file.reportedHarmCategories} result={result} />
      ) : null}
    </Part>
  );
}

/** The form for the first decision of a considered case, or for a revision of the current one. */
function NextDecision({
  current,
  harmCategories,
  result,
}: {
  current?: Decision;
  harmCategories: Decision["harmCategories"];
  result?: FieldState;
}) {
  // A first decision sent with its consideration and refused (another came first) is kept here too.
  const state = stateFor(result, "decide", "consider-and-decide");
  if (!current) return <DecisionForm state={state} basedOn={0} harmCategories={harmCategories} submit="Save decision" />;
  return (
    <ChangeDetails summary="Revise the decision" open={state !== undefined}>
      <p className="govuk-body">A revision is kept beside the decision it replaces, with its own rationale.</p>
      <DecisionForm state={state} basedOn={current.revision} harmCategories={current.harmCategories} submit="Save revised decision" />
    </ChangeDetails>
  );
}

/** After a refused decision: the one recorded meanwhile, to read before deciding again. */
function LatestDecisionPanel({ latest }: { latest: LatestDecision }) {
  return (
    <div className="govuk-inset-text" id="latest-decision" tabIndex={-1}>
      <h4 className="govuk-heading-s">The decision recorded meanwhile (revision {latest.revision})</h4>
      <DecisionRows decision={latest} />
    </div>
  );
}

type Investigation = NonNullable<Page["file"]["employerInvestigation"]>;

/** "Overdue Due by 11 December 2026", "Due by ...", or once the result is in, the date it was due. */
function ReportBack({ investigation, status }: { investigation: Investigation; status: Page["reportBack"] }) {
  if (status) {
    return (
      <>
        {status.overdue ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : null} {status.label}
      </>
    );
  }
  return investigation.reportBackBy ? `By ${calendarDate(investigation.reportBackBy)}` : null;
}

/** "Training, received 3 April 2026: ..." */
function resultText(investigation: Investigation) {
  if (!investigation.resultCode && !investigation.result) return null;
  const coded = [
    investigation.resultCode ? employerResultLabels[investigation.resultCode] : null,
    investigation.resultReceivedAt ? `received ${londonDate(investigation.resultReceivedAt)}` : null,
  ].filter(Boolean);
  return `${coded.join(", ")}${investigation.result ? `: ${investigation.result}` : ""}`;
}

function CauseForConcern({ page, result }: { page: Page; result?: FieldState }) {
  const investigation = page.file.employerInvestigation;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="cause-for-concern-title" id="cause-for-concern" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="cause-for-concern-title">
        Cause for concern: the employer&apos;s investigation
      </h3>
      {investigation ? (
        <SummaryList
          rows={[
            ["Agreed with the employer", `${londonDate(investigation.agreedAt)}: ${investigation.agreedActions}`],
            ["Investigator", investigation.investigator],
            ["Report back", <ReportBack key="report-back" investigation={investigation} status={page.reportBack} />],
            ["Employer's result", resultText(investigation)],
          ]}
          empty="Not received yet"
        />
      ) : (
        <p className="govuk-body">Nothing agreed with the employer yet.</p>
      )}
      {page.canWrite ? <InvestigationForms investigation={investigation} today={page.today} result={result} /> : null}
    </section>
  );
}

/** Record what was agreed, then the result; each can be changed afterwards. */
function InvestigationForms({ investigation, today, result }: { investigation: Investigation | null; today: string; result?: FieldState }) {
  const agreement = stateFor(result, "agreement");
  const outcome = stateFor(result, "result");
  if (!investigation) {
    return (
      <>
        <h4 className="govuk-heading-s">Record what was agreed with the employer</h4>
        <AgreementForm state={agreement ?? agreementFields(null, today)} submit="Save what was agreed" />
      </>
    );
  }
  const hasResult = Boolean(investigation.resultCode || investigation.result);
  return (
    <>
      <ChangeDetails summary="Change what was agreed" open={agreement !== undefined}>
        <AgreementForm state={agreement ?? agreementFields(investigation, today)} submit="Save changes" />
      </ChangeDetails>
      {hasResult ? (
        <ChangeDetails summary="Change the employer's result" open={outcome !== undefined}>
          <ResultForm state={outcome ?? resultFields(investigation, today)} submit="Save changes" />
        </ChangeDetails>
      ) : (
        <>
          <h4 className="govuk-heading-s">Record the employer&apos;s result</h4>
          <ResultForm state={outcome ?? resultFields(investigation, today)} submit="Save the result" />
        </>
      )}
    </>
  );
}

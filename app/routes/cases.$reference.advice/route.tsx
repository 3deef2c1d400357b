// The case file's advice section: who asked and what about, the advice given
// and where the matter was redirected (recorded or changed here), and the
// written follow-up letter (sent here, by email or by post, each one kept).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { isAdviceDecision, NOT_ADVICE_MESSAGE, takesAdvice } from "~/advice/advice";
import { adviceForm, adviceIntent, recordAdvice } from "~/advice/advice.server";
import { letterMethodLabels, sentBy } from "~/advice/labels";
import { letterForm, sendAdviceLetter } from "~/advice/letter.server";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { sectionPath } from "~/cases/sections";
import { referrerTypeLabels, sourceLabels } from "~/contacts/labels";
import { Button, ErrorSummary, Radios, Textarea, TextInput, type FieldState } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import type { RedirectTarget } from "~/generated/prisma/enums";
import { messageStatusLabels } from "~/messages/labels";
import { decisionLabels, redirectLabels } from "~/triage/labels";
import { londonDate, londonDateTime } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm, type FormFailure } from "~/utils/forms.server";
import { readAdvice } from "./advice.server";

// Anyone who may read the case sees the section; recording advice and sending letters needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Advice", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data } = await viewCaseSection(request, params.reference, "advice", readAdvice);
  return { reference, file: data, canWrite: can(user.roles, "case:write") };
}

/** A failed form's answer, saying which of the section's two forms it was. */
const failed = (form: "advice" | "letter", failure: FormFailure) => invalid({ ...failure, form } as FormFailure);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const chosen = parseValues(adviceIntent, values);
  if (!chosen.ok) return invalid(chosen.failure);
  const here = sectionPath(found.reference, "advice");
  if (chosen.data.intent === "advice") {
    const parsed = parseValues(adviceForm, values);
    if (!parsed.ok) return failed("advice", parsed.failure);
    const result = await recordAdvice(request, user.id, found.id, parsed.data);
    if (!result.saved) return failed("advice", { errors: result.errors, values });
    return redirect(here, { headers: { "Set-Cookie": await setFlash("Advice saved") } });
  }
  const parsed = parseValues(letterForm, values);
  if (!parsed.ok) return failed("letter", parsed.failure);
  const result = await sendAdviceLetter(request, user, found.id, parsed.data.method);
  if (!result.sent) return failed("letter", { errors: result.errors, values });
  const message =
    parsed.data.method === "EMAIL"
      ? "Follow-up letter made and emailed to the referrer"
      : "Follow-up letter made: print it and post it to the referrer";
  return redirect(here, { headers: { "Set-Cookie": await setFlash(message) } });
}

type File = ReturnType<typeof useLoaderData<typeof loader>>["file"];
type Result = { errors: Record<string, string>; values: Record<string, string | string[]>; form?: "advice" | "letter" } | undefined;

export default function Advice() {
  const { reference, file, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result;
  const decision = file.decisions[0]?.category;
  const open = takesAdvice(decision, Boolean(file.advice));
  const stateFor = (form: "advice" | "letter") => (result && (result.form === form || !result.form) ? result : undefined);
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Advice</SectionHeading>
      <WhoAsked file={file} />
      {open ? null : (
        <div className="govuk-inset-text" id="decision">
          {NOT_ADVICE_MESSAGE}.{" "}
          <Link className="govuk-link" to={sectionPath(reference, "decisions")}>
            Go to the decisions
          </Link>
        </div>
      )}
      {file.advice ? <AdviceGiven advice={file.advice} /> : null}
      {open && canWrite ? (
        <Part title={file.advice ? "Change the advice" : "Record the advice"}>
          <AdviceForm state={stateFor("advice") ?? adviceFields(file.advice)} />
        </Part>
      ) : null}
      {file.advice ? <FollowUpLetter file={file} canWrite={canWrite} state={stateFor("letter")} /> : null}
    </>
  );
}

function WhoAsked({ file }: { file: File }) {
  const r = file.referrer;
  return (
    <Part title="Who asked">
      <SummaryList
        rows={[
          ["Who they are", r?.type ? referrerTypeLabels[r.type] : null],
          ["Name", r?.name],
          ["Role", r?.role],
          ["Organisation", r?.organisation?.name ?? r?.organisationName],
          ["Email", r?.email],
          ["Phone", r?.phone],
          ["Named professional", file.namedProfessional ? "Yes" : "No: advice only, no professional named"],
          ["Contact", `${sourceLabels[file.source]}, ${londonDateTime(file.receivedAt)}`],
          ["What they told us", file.summary],
          ["Current decision", file.decisions[0] ? decisionLabels[file.decisions[0].category] : "No decision yet"],
        ]}
      />
    </Part>
  );
}

function AdviceGiven({ advice }: { advice: NonNullable<File["advice"]> }) {
  return (
    <Part title="Advice given">
      <SummaryList
        rows={[
          ["Advice", advice.adviceGiven],
          ["What the referrer was asked to do", advice.referrerActions],
          [
            "Redirected to",
            advice.redirectedTo ? [redirectLabels[advice.redirectedTo], advice.redirectDetail].filter(Boolean).join(": ") : null,
          ],
          [
            "Progressed to a referral",
            advice.progressedToCase ? (
              <Link className="govuk-link" to={sectionPath(advice.progressedToCase.reference, "")}>
                {advice.progressedToCase.reference}
              </Link>
            ) : (
              "No"
            ),
          ],
          ["Recorded", `${londonDateTime(advice.recordedAt)}${advice.recordedBy ? ` by ${advice.recordedBy.name}` : ""}`],
        ]}
      />
    </Part>
  );
}

/** The recorded advice as the form's fields, to change it from. */
function adviceFields(advice: File["advice"]): FieldState | undefined {
  if (!advice) return undefined;
  return {
    values: {
      adviceGiven: advice.adviceGiven,
      referrerActions: advice.referrerActions ?? "",
      redirectedTo: advice.redirectedTo ?? "",
      redirectDetail: advice.redirectDetail ?? "",
      progressedTo: advice.progressedToCase?.reference ?? "",
    },
  };
}

function AdviceForm({ state }: { state?: FieldState }) {
  return (
    <StaffForm noValidate>
      <input type="hidden" name="intent" value="advice" />
      <Textarea
        name="adviceGiven"
        label="Advice given"
        hint="What you advised, as the referrer will read it in the letter."
        state={state}
      />
      <Textarea
        name="referrerActions"
        label="What the referrer was asked to do (optional)"
        hint="Printed in the follow-up letter."
        rows={3}
        state={state}
      />
      <Radios
        name="redirectedTo"
        legend="Where was the matter redirected?"
        options={(Object.keys(redirectLabels) as RedirectTarget[]).map((value) => ({
          value,
          label: redirectLabels[value],
          exclusive: value === "NONE" ? true : undefined,
        }))}
        state={state}
      />
      <TextInput
        name="redirectDetail"
        label="Details of where it was redirected (optional)"
        hint="For example, which local authority's LADO, or the team's name."
        state={state}
      />
      <TextInput
        name="progressedTo"
        label="Later case it became a referral in (optional)"
        hint="The later case's reference, for example LADO-2026-00123, if the advice led to a referral."
        width={20}
        spellCheck={false}
        state={state}
      />
      <Button>Save advice</Button>
    </StaffForm>
  );
}

function FollowUpLetter({ file, canWrite, state }: { file: File; canWrite: boolean; state?: FieldState }) {
  const advice = file.advice!;
  const [latest, ...earlier] = file.letters;
  return (
    <Part title="Follow-up letter">
      {latest && advice.followUpSentAt && advice.followUpMethod ? (
        <SummaryList
          rows={[
            [
              "Letter",
              <a className="govuk-link" href={`/documents/${latest.id}`} key="letter">
                {latest.filename}
              </a>,
            ],
            [
              "Sent",
              `${londonDateTime(advice.followUpSentAt)} ${sentBy[advice.followUpMethod]}${latest.uploadedBy ? `, by ${latest.uploadedBy.name}` : ""}`,
            ],
            ["Email", latest.messages[0] ? `${messageStatusLabels[latest.messages[0].status]}, to ${latest.messages[0].toAddress}` : null],
            ["SHA-256", <code key="sha">{latest.sha256}</code>],
          ]}
        />
      ) : (
        <p className="govuk-body">No letter sent yet.</p>
      )}
      {earlier.length ? (
        <>
          <h4 className="govuk-heading-s">Earlier letters</h4>
          <ul className="govuk-list app-pre-wrap">
            {earlier.map((letter) => (
              <li key={letter.id}>
                <a className="govuk-link" href={`/documents/${letter.id}`}>
                  {letter.filename}
                </a>{" "}
                sent {londonDate(letter.createdAt)} {letter.messages[0] ? sentBy.EMAIL : sentBy.POST}, SHA-256 <code>{letter.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canWrite ? <SendLetter file={file} latest={Boolean(latest)} state={state} /> : null}
    </Part>
  );
}

/** The letter goes while the decision is still advice (it says so); after a revision, why not. */
function SendLetter({ file, latest, state }: { file: File; latest: boolean; state?: FieldState }) {
  const decision = file.decisions[0]?.category;
  const email = file.referrer?.email;
  if (!isAdviceDecision(decision)) {
    return (
      <div className="govuk-inset-text" id="method">
        The decision is now {decision ? decisionLabels[decision].toLowerCase() : "not made"}: the letter says the matter is below the
        threshold, so it cannot be sent.
      </div>
    );
  }
  return (
    <StaffForm noValidate>
      <input type="hidden" name="intent" value="letter" />
      <Radios
        name="method"
        legend={latest ? "Send a new letter, with the advice as it is now" : "Send the letter"}
        hint="The letter is kept on the case exactly as sent."
        options={[
          {
            value: "EMAIL",
            label: letterMethodLabels.EMAIL,
            hint: email ? `To ${email}, as a file to download` : "The referrer gave no email address",
          },
          { value: "POST", label: letterMethodLabels.POST, hint: "Made here for you to print and post" },
        ]}
        state={state}
      />
      <Button>{latest ? "Send a new letter" : "Send the letter"}</Button>
    </StaffForm>
  );
}

// The case file's employer section: suspension and its rationale, and the
// employer's final action.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { suspensionConfirmation } from "~/allegations/suspension";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { ErrorSummary, type FieldState } from "~/components/form-fields";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { londonDay, storedDay } from "~/utils/dates";
import { readForm } from "~/utils/forms.server";
import { EMPLOYER_ACTION_INTENT, EmployerActionForm, EmployerActionSummary } from "./employer-action-form";
import { handleEmployerAction } from "./employer-action.server";
import { MAX_REVIEW_DATES } from "./employer-action.schema.server";
import { readEmployer } from "./employer.server";
import { EmployerInvestigation, INVESTIGATION_INTENT } from "./investigation-form";
import { handleInvestigation } from "./investigation.server";

// Reading the section needs case:read; each of its forms posts to the action, which needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Employer", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data: file } = await viewCaseSection(request, params.reference, "employer", readEmployer);
  const e = file.employerAction;
  const [settings, holidays] = await Promise.all([getSettings(), getBankHolidays()]);
  return {
    reference,
    file,
    canWrite: can(user.roles, "case:write"),
    /** Written confirmation of a suspension: met or late, or due or overdue while not sent. */
    confirmation:
      e?.suspended && e.suspendedAt
        ? suspensionConfirmation(
            { suspendedOn: storedDay(e.suspendedAt)!, confirmedOn: storedDay(e.writtenConfirmationAt) },
            londonDay(new Date()),
            settings.suspensionConfirmationWorkingDays,
            holidays,
          )
        : null,
    maxReviews: MAX_REVIEW_DATES,
  };
}

/** Each form of the section by its intent. */
const forms = { [EMPLOYER_ACTION_INTENT]: handleEmployerAction, [INVESTIGATION_INTENT]: handleInvestigation };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const handler = typeof values.intent === "string" ? forms[values.intent as keyof typeof forms] : undefined;
  // Only a tampered or empty form names no form: the error page says so.
  if (!handler) throw data({ message: "bad-request" }, { status: 400 });
  return handler({ request, userId: user.id, caseId: found.id, reference: found.reference, values });
}

export default function Employer() {
  const { file, canWrite, confirmation, maxReviews } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FieldState | undefined;
  const e = file.employerAction;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Employer</SectionHeading>
      {e ? (
        <EmployerActionSummary record={e} confirmation={confirmation} />
      ) : (
        <p className="govuk-body">No employer action recorded yet.</p>
      )}
      {canWrite ? <EmployerActionForm record={e} result={result} maxReviews={maxReviews} /> : null}
      <EmployerInvestigation record={file.employerInvestigation} canWrite={canWrite} result={result} />
    </>
  );
}

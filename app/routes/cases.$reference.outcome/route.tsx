// The case file's outcome section: the statutory outcome (recorded and
// revised here, each save naming the version it was made from), the onward
// referrals with the prompt to refer to the DBS while the duty applies, and
// the outcome letters to the employer and the person.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { viewCaseSection } from "~/cases/case-file.server";
import { SectionHeading, sectionMeta } from "~/cases/case-page";
import { ErrorSummary, type FieldState } from "~/components/form-fields";
import { londonDay } from "~/utils/dates";
import { readForm } from "~/utils/forms.server";
import { outcomeForms } from "./actions.server";
import { DbsPrompt, OnwardReferrals, OutcomeLetters, OutcomePart } from "./forms";
import { readOutcome } from "./outcome.server";

// Reading the section needs case:read; each of its forms posts to the action, which needs case:write.
export const handle = { permission: "case:read", actionPermission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Outcome", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, reference, data: file } = await viewCaseSection(request, params.reference, "outcome", readOutcome);
  return { reference, file, canWrite: can(user.roles, "case:write"), today: londonDay(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const handler = typeof values.intent === "string" ? outcomeForms[values.intent as keyof typeof outcomeForms] : undefined;
  // Only a tampered or empty form names no form: the error page says so.
  if (!handler) throw data({ message: "bad-request" }, { status: 400 });
  return handler({ request, user, caseId: found.id, reference: found.reference, values });
}

export default function Outcome() {
  const { file, canWrite, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FieldState | undefined;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <SectionHeading>Outcome</SectionHeading>
      <DbsPrompt duty={file.dbs} />
      <OutcomePart outcome={file.outcome} canWrite={canWrite} today={today} result={result} />
      <OnwardReferrals referrals={file.onwardReferrals} canWrite={canWrite} today={today} result={result} />
      <OutcomeLetters
        letters={file.letters}
        hasOutcome={file.outcome !== null}
        employerEmail={file.subject?.employer?.email ?? null}
        canWrite={canWrite}
        result={result}
      />
    </>
  );
}

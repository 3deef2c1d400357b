// The service's rules with numbers (deadlines, review intervals, the
// police-delay thresholds, targets, retention), for admins to change: one
// form, each number with what it governs and its default. A save counts at
// once (getSettings reads the table each time) and is audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { Button, ErrorSummary, TextInput, type FieldState } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { ruleQuestions, ruleValues, rulesForm, saveRules, type RuleField } from "~/config/settings-form.server";
import { getSettings } from "~/config/settings.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const handle = { permission: "settings:manage" };
export const meta: MetaFunction = () => [{ title: "Service rules - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "settings:manage");
  return { questions: ruleQuestions, values: ruleValues(await getSettings()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "settings:manage");
  const parsed = parseValues(rulesForm, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await saveRules(request, admin.id, parsed.data);
  if ("conflicts" in result) return invalid({ errors: result.conflicts, values: result.values }, 409);
  const message = result.saved.length ? `Saved: ${result.saved.join("; ")}` : "Nothing changed";
  return redirect("/settings/rules", { headers: { "Set-Cookie": await setFlash(message) } });
}

function NumberField({ field, state }: { field: RuleField; state: FieldState }) {
  return (
    <TextInput
      name={field.name}
      label={field.label}
      hint={field.hint}
      state={state}
      width={4}
      inputMode={field.whole ? "numeric" : "decimal"}
      spellCheck={false}
      suffix={field.unit}
    />
  );
}

export default function ServiceRules() {
  const { questions, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state: FieldState = result ?? { values };
  const seen = state.values?.seen;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Service rules</h1>
        <p className="govuk-body">
          These numbers set the service&apos;s deadlines, reminders, flags and how long records are kept. A change counts from the moment it
          is saved: every deadline and flag shown from then on, on every open case, uses the new numbers. A closed case keeps the retention
          review date it was given at closure. Deadlines in working days also depend on the{" "}
          <Link className="govuk-link" to="/settings/bank-holidays">
            bank holidays
          </Link>
          .
        </p>
        <StaffForm noValidate>
          <input type="hidden" name="seen" value={typeof seen === "string" ? seen : ""} />
          {questions.map((question) =>
            "fields" in question ? (
              <div className="govuk-form-group" key={question.name}>
                <fieldset className="govuk-fieldset" aria-describedby={`${question.name}-hint`}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{question.legend}</legend>
                  <div id={`${question.name}-hint`} className="govuk-hint">
                    {question.hint}
                  </div>
                  {question.fields.map((field) => (
                    <NumberField key={field.name} field={field} state={state} />
                  ))}
                </fieldset>
              </div>
            ) : (
              <NumberField key={question.name} field={question} state={state} />
            ),
          )}
          <Button>Save changes</Button>
        </StaffForm>
      </div>
    </div>
  );
}

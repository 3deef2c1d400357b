import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { currentSession, startSession } from "~/auth/session.server";
import { authenticator, SignInError, signInSchema } from "~/auth/sign-in.server";
import { Button, ErrorSummary, TextInput } from "~/components/form-fields";
import { formValues, invalid, parseForm } from "~/utils/forms.server";
import { safeReturnTo } from "~/utils/responses.server";
import { londonTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Sign in - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentSession(request)) {
    throw redirect(safeReturnTo(new URL(request.url).searchParams.get("returnTo"), "/cases"));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.clone().formData();
  const parsed = parseForm(signInSchema, form);
  if (!parsed.ok) return invalid({ ...parsed.failure, values: { email: parsed.failure.values.email ?? "" } });
  try {
    const user = await authenticator.authenticate("form", request);
    const cookie = await startSession(user.id);
    return redirect(safeReturnTo(form.get("returnTo"), "/cases"), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    const message =
      error.reason === "locked"
        ? `Too many failed attempts. Try again after ${londonTime(error.lockedUntil!)}.`
        : "Enter a correct email address and password";
    return data({ errors: { email: message }, values: { email: String(formValues(form).email ?? "") } }, { status: 400 });
  }
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          For LADO staff only. To tell us about a concern, use the{" "}
          <Link to="/refer" className="govuk-link">
            online referral form
          </Link>
          .
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="returnTo" value={params.get("returnTo") ?? ""} />
          <TextInput name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} state={result} />
          <TextInput name="password" label="Password" type="password" autoComplete="current-password" state={result} />
          <Button>Sign in</Button>
        </Form>
      </div>
    </div>
  );
}

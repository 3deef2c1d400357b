import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { homeFor } from "~/auth/home";
import { currentSession, startSession } from "~/auth/session.server";
import { authenticator, SignInError, signInSchema } from "~/auth/sign-in.server";
import { Button, ErrorSummary, TextInput } from "~/components/form-fields";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { safeReturnTo } from "~/utils/responses.server";
import { waitInWords } from "~/auth/sign-in-throttle";

export const meta: MetaFunction = () => [{ title: "Sign in - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  if (session) {
    throw redirect(safeReturnTo(new URL(request.url).searchParams.get("returnTo"), homeFor(session.user.roles).path));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const parsed = parseValues(signInSchema, values);
  if (!parsed.ok) return invalid({ ...parsed.failure, values: { email: parsed.failure.values.email ?? "" } });
  try {
    const user = await authenticator.authenticate("form", credentialsOnly(request, parsed.data));
    const cookie = await startSession(user.id);
    return redirect(safeReturnTo(values.returnTo, homeFor(user.roles).path), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    const throttled = error.reason === "throttled";
    const message = throttled
      ? `Too many attempts to sign in. Wait ${waitInWords(error.waitMs)} and try again.`
      : "Enter a correct email address and password";
    return data(
      { errors: { email: message }, values: { email: String(values.email ?? "") } },
      throttled ? { status: 429, headers: { "Retry-After": String(Math.max(1, Math.ceil(error.waitMs / 1000))) } } : { status: 400 },
    );
  }
}

/**
 * The request the form strategy reads: the same headers (client address,
 * request id), with a body of only the checked email and password, so the
 * body sent is read once, by readForm, within its limits.
 */
function credentialsOnly(request: Request, credentials: { email: string; password: string }) {
  const headers = new Headers(request.headers);
  headers.delete("Content-Length");
  return new Request(request.url, { method: "POST", headers, body: new URLSearchParams(credentials) });
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

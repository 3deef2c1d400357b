import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { UserForm } from "~/auth/user-form";
import { ErrorSummary } from "~/components/form-fields";
import { createStaffUser, emailInUse, newUserSchema } from "~/auth/users.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const handle = { permission: "users:manage" };
export const meta: MetaFunction = () => [{ title: "Add a user - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "users:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "users:manage");
  const parsed = parseValues(newUserSchema, await readForm(request));
  if (!parsed.ok) return invalid({ ...parsed.failure, values: { ...parsed.failure.values, password: "" } });
  if (await emailInUse(parsed.data.email)) {
    return invalid({ errors: { email: "A user with this email address already exists" }, values: { ...parsed.values, password: "" } });
  }
  const user = await createStaffUser(request, admin.id, parsed.data);
  return redirect("/users", { headers: { "Set-Cookie": await setFlash(`${user.name} can now sign in`) } });
}

export default function NewUser() {
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/users" className="govuk-back-link">
          Back to users
        </Link>
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Add a user</h1>
        <UserForm state={result} />
      </div>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { recordAudit } from "~/audit/audit.server";
import { requireUser } from "~/auth/guard.server";
import { roleLabels } from "~/auth/permissions";
import { createStaffUser, emailInUse, newUserSchema } from "~/auth/users.server";
import { Button, Checkboxes, ErrorSummary, TextInput } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
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
  const user = await createStaffUser(parsed.data);
  await recordAudit(request, { who: admin.id, what: "user.create", details: { userId: user.id, roles: user.roles } });
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
        <StaffForm noValidate>
          <TextInput name="name" label="Full name" autoComplete="off" state={result} />
          <TextInput name="email" label="Email address" type="email" spellCheck={false} autoComplete="off" state={result} />
          <Checkboxes
            name="roles"
            legend="Roles"
            hint="Select all that apply."
            options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))}
            state={result}
          />
          <TextInput
            name="password"
            label="Temporary password"
            hint="At least 12 characters. Give it to them in person or by phone, never with their email address."
            type="password"
            autoComplete="new-password"
            state={result}
          />
          <Button>Add user</Button>
        </StaffForm>
      </div>
    </div>
  );
}

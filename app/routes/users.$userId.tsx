import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { UserForm } from "~/auth/user-form";
import { ErrorSummary } from "~/components/form-fields";
import { editUserSchema, findStaffUser, updateStaffUser } from "~/auth/users.server";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/responses.server";

export const handle = { permission: "users:manage" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? "User"} - LADO case management` }];

async function findUser(param: string | undefined) {
  const user = await findStaffUser(param);
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "users:manage");
  return { user: await findUser(params.userId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, "users:manage");
  const user = await findUser(params.userId);
  const parsed = parseValues(editUserSchema, await readForm(request));
  if (!parsed.ok) return invalid({ ...parsed.failure, values: { ...parsed.failure.values, password: "" } });
  if (user.id === admin.id && (parsed.data.active === "no" || !parsed.data.roles.includes("ADMIN"))) {
    return invalid({
      errors: { roles: "You cannot remove your own administrator role or deactivate yourself" },
      values: { ...parsed.values, password: "" },
    });
  }
  await updateStaffUser(request, admin.id, user.id, parsed.data);
  return redirect("/users", { headers: { "Set-Cookie": await setFlash(`Changes to ${user.name} saved`) } });
}

export default function EditUser() {
  const { user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/users" className="govuk-back-link">
          Back to users
        </Link>
        <ErrorSummary errors={result?.errors} />
        <span className="govuk-caption-l">{user.email}</span>
        <h1 className="govuk-heading-l">{user.name}</h1>
        <UserForm existing={user} state={result} />
      </div>
    </div>
  );
}

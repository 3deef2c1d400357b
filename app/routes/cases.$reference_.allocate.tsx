// Who has a contact: a manager allocates it to a LADO; a LADO takes one
// nobody has. A page of its own (not a section inside the case file's
// layout): it asks one question and shows nothing of the case but its
// reference and who has it, so opening it reads no case content to audit;
// the queue and the case header link here, and it returns to where it was
// opened from (?from=triage or the case).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCaseAccess } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { sectionPath } from "~/cases/sections";
import { Button, ErrorSummary, Select } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { allocatableLados, allocateCase, allocationForm, allocationOf, alreadyAllocated, takeCase } from "~/triage/allocation.server";
import { londonDateTime } from "~/utils/dates";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { forbidden } from "~/utils/responses.server";

export const handle = { permission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Allocate - ${data?.reference ?? "Case"} - LADO case management` },
];

const cameFrom = z.object({ from: z.enum(["triage", "case"]).catch("case") });

function backTo(request: Request, reference: string) {
  const { from } = cameFrom.parse(Object.fromEntries(new URL(request.url).searchParams));
  return from === "triage"
    ? { to: "/triage", label: "Back to triage", from }
    : { to: sectionPath(reference, ""), label: "Back to the case", from };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const mayAllocate = can(user.roles, "case:allocate");
  const [allocation, lados] = await Promise.all([allocationOf(found.id), mayAllocate ? allocatableLados() : []]);
  return {
    reference: found.reference,
    back: backTo(request, found.reference),
    allocatedTo: allocation.allocatedTo,
    allocatedAt: allocation.allocatedAt,
    me: user.id,
    mayAllocate,
    mayTake: user.roles.includes("LADO"),
    lados,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const parsed = parseValues(allocationForm, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  const back = backTo(request, found.reference).to;

  if (parsed.data.intent === "take") {
    // Only a LADO can be given a contact; a manager allocates instead.
    if (!user.roles.includes("LADO")) throw forbidden();
    const taken = await takeCase(request, user, found.id);
    if (!taken.ok && taken.holder.id !== user.id) {
      return data({ errors: { allocation: alreadyAllocated(found.reference, taken.holder) }, values: parsed.values }, { status: 409 });
    }
    const message = taken.ok ? `You have taken ${found.reference}` : `${found.reference} is already allocated to you`;
    return redirect(back, { headers: { "Set-Cookie": await setFlash(message) } });
  }

  if (!can(user.roles, "case:allocate")) throw forbidden();
  const allocated = await allocateCase(request, user.id, found.id, parsed.data.lado);
  if (!allocated.ok) return invalid({ errors: { lado: allocated.error }, values: parsed.values });
  const message = allocated.changed
    ? `${found.reference} allocated to ${allocated.to.name}`
    : `${found.reference} is already allocated to ${allocated.to.name}`;
  return redirect(back, { headers: { "Set-Cookie": await setFlash(message) } });
}

export default function Allocate() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const holder = page.allocatedTo;
  const formAction = `${sectionPath(page.reference, "allocate")}?from=${page.back.from}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={page.back.to} className="govuk-back-link">
          {page.back.label}
        </Link>
        <ErrorSummary errors={result?.errors} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">
          {page.mayAllocate ? "Allocate this contact" : holder ? "Who has this contact" : "Take this contact"}
        </h1>
        <p className="govuk-body" id="allocation">
          {holder
            ? `Allocated to ${holder.id === page.me ? "you" : holder.name}${page.allocatedAt ? ` since ${londonDateTime(page.allocatedAt)}` : ""}.`
            : "Nobody has this contact yet."}
        </p>
        {page.mayAllocate ? (
          <StaffForm action={formAction} noValidate>
            <input type="hidden" name="intent" value="allocate" />
            <Select
              name="lado"
              label="LADO"
              hint="Anyone with the LADO role whose account is active."
              options={page.lados.map((lado) => ({ value: lado.id, label: lado.id === page.me ? `${lado.name} (you)` : lado.name }))}
              state={result}
              defaultValue={holder?.id}
            />
            <Button>{holder ? "Change allocation" : "Allocate"}</Button>
          </StaffForm>
        ) : holder ? (
          holder.id === page.me ? null : (
            <p className="govuk-body">To move it to someone else, ask a LADO manager.</p>
          )
        ) : page.mayTake ? (
          <StaffForm action={formAction}>
            <input type="hidden" name="intent" value="take" />
            <Button>Take this contact</Button>
          </StaffForm>
        ) : null}
      </div>
    </div>
  );
}

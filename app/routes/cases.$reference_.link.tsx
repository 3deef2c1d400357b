// Linked contacts: mark this contact as about the same matter as another (a
// duplicate, a second referrer), or take it out of its matter. A page of its
// own beside the case file, as the allocate page is, reached from the case
// summary, which shows the links to everyone who may read the case; this
// page's view is audited like a section's.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCaseAccess } from "~/auth/guard.server";
import { viewCaseSection } from "~/cases/case-file.server";
import { caseLinkReasonHints, caseLinkReasonLabels } from "~/cases/link-labels";
import { linkContacts, linkForm, readMatter, unlinkContact } from "~/cases/links.server";
import { sectionPath } from "~/cases/sections";
import { Button, ErrorSummary, Radios, Textarea, TextInput } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import type { CaseLinkReason } from "~/generated/prisma/enums";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const handle = { permission: "case:write" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Linked contacts - ${data?.reference ?? "Case"} - LADO case management` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data: matter } = await viewCaseSection(request, params.reference, "link", readMatter, { permission: "case:write" });
  return { reference, matter };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:write");
  const values = await readForm(request);
  const summary = sectionPath(found.reference, "");

  if (values.intent === "unlink") {
    const unlinked = await unlinkContact(request, user.id, found.id);
    const message = unlinked
      ? `${found.reference} is no longer linked to another contact`
      : `${found.reference} was not linked to another contact`;
    return redirect(summary, { headers: { "Set-Cookie": await setFlash(message) } });
  }

  const parsed = parseValues(linkForm, values);
  if (!parsed.ok) return invalid(parsed.failure);
  const linked = await linkContacts(request, user.id, found.id, parsed.data);
  if (!linked.ok) return invalid({ errors: { reference: linked.error }, values });
  const message = `${found.reference} and ${linked.other.reference} linked: the matter's first contact is ${linked.first.reference}`;
  return redirect(summary, { headers: { "Set-Cookie": await setFlash(message) } });
}

const reasons = Object.keys(caseLinkReasonLabels) as CaseLinkReason[];
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export default function LinkContacts() {
  const { reference, matter } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const first = matter.sameMatterAs;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={sectionPath(reference, "")} className="govuk-back-link">
          Back to the case
        </Link>
        <ErrorSummary errors={result?.errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">Linked contacts</h1>
        {first ? (
          <>
            <SummaryList
              rows={[
                ["Same matter as", `${first.sameMatterAs.reference} (${caseLinkReasonLabels[first.reason]})`],
                ["Note", first.note],
              ]}
              empty="None"
            />
            <StaffForm>
              <input type="hidden" name="intent" value="unlink" />
              <Button secondary>Unlink from {first.sameMatterAs.reference}</Button>
            </StaffForm>
          </>
        ) : matter.sameMatterContacts.length ? (
          <p className="govuk-body">
            This is the first contact about its matter. Also about this matter:{" "}
            {matter.sameMatterContacts.map((l) => `${l.case.reference} (${caseLinkReasonLabels[l.reason]})`).join(", ")}. To unlink one,
            open it.
          </p>
        ) : (
          <p className="govuk-body">This contact is not linked to another.</p>
        )}
        <h2 className="govuk-heading-m">Link to another contact about the same matter</h2>
        <p className="govuk-body">
          Statistics count a matter once. The contact received first stays the matter&apos;s first; the others are listed under it.
        </p>
        <StaffForm noValidate>
          <input type="hidden" name="intent" value="link" />
          <TextInput
            name="reference"
            label="Reference of the other contact"
            hint="For example, LADO-2026-00012"
            width={20}
            spellCheck={false}
            state={result}
          />
          <Radios
            name="reason"
            legend="Why are they about the same matter?"
            options={reasons.map((r) => ({ value: r, label: capitalised(caseLinkReasonLabels[r]), hint: caseLinkReasonHints[r] }))}
            state={result}
          />
          <Textarea name="note" label="Note (optional)" rows={3} maxLength={1000} state={result} />
          <Button>Link contacts</Button>
        </StaffForm>
      </div>
    </div>
  );
}

// One page of the referral form: who-you-are, about-you, person, children, what-happened,
// actions. Whatever is typed is saved, valid or not, before it is checked.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form-fields";
import { UnavailableNotice } from "~/components/notification-banner";
import { ActionsFields, ChildFields, IncidentFields, ReferrerFields, ReferrerTypeFields, SubjectFields } from "~/contacts/contact-form";
import { MAX_CHILDREN } from "~/contacts/limits";
import type { ReferrerType } from "~/generated/prisma/enums";
import { draftReferrerType, pageSchema } from "~/referrals/answers.server";
import { checkCsrf, csrfToken, keptWhileUnavailable, requireDraft, savePage } from "~/referrals/drafts.server";
import { FormPageLinks } from "~/referrals/page-parts";
import { pageAfter, pageBefore, referralPages, type ReferralPageSlug } from "~/referrals/pages";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Referral"} - LADO referral` }];

function pageOf(param: string | undefined) {
  const page = referralPages.find((p) => p.slug === param);
  if (!page) throw notFound();
  return page;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = pageOf(params.page);
  const draft = await requireDraft(request);
  const change = new URL(request.url).searchParams.get("change") === "1";
  const shown = {
    slug: page.slug,
    title: page.title,
    number: referralPages.indexOf(page) + 1,
    csrf: csrfToken(draft),
    referrerType: draftReferrerType(draft) ?? null,
    values: draft.answers.pages[page.slug] ?? {},
    childCount: draft.answers.childCount,
    back: change ? "/refer/check" : `/refer/${pageBefore(page.slug)}`,
    change,
    offline: Boolean(draft.offline),
  };
  return data(shown, { status: draft.offline ? 503 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const page = pageOf(params.page);
  const draft = await requireDraft(request);
  const values = await readForm(request);
  checkCsrf(draft, values.csrf);
  const change = new URL(request.url).searchParams.get("change") === "1";
  const addChild = page.slug === "children" && values.intent === "add-child";
  const childCount = addChild ? Math.min(draft.answers.childCount + 1, MAX_CHILDREN) : draft.answers.childCount;
  try {
    await savePage(draft, page.slug, values, { childCount });
  } catch (error) {
    return keptWhileUnavailable(error, values);
  }
  if (addChild) return redirect(`/refer/children${change ? "?change=1" : ""}#childAge-${childCount}`);
  const parsed = parseValues(pageSchema(page.slug, draft), values);
  if (!parsed.ok) return invalid(parsed.failure);
  return redirect(change ? "/refer/check" : `/refer/${pageAfter(page.slug)}`);
}

function Fields({
  slug,
  state,
  childCount,
  referrerType,
}: {
  slug: ReferralPageSlug;
  state: { values?: Record<string, string | string[]>; errors?: Record<string, string> };
  childCount: number;
  referrerType: ReferrerType | null;
}) {
  switch (slug) {
    case "who-you-are":
      return <ReferrerTypeFields state={state} mode="referral" />;
    case "about-you":
      return <ReferrerFields state={state} mode="referral" referrerType={referrerType} />;
    case "person":
      return <SubjectFields state={state} mode="referral" />;
    case "children":
      return <ChildFields state={state} count={childCount} />;
    case "what-happened":
      return <IncidentFields state={state} mode="referral" referrerType={referrerType} />;
    case "actions":
      return <ActionsFields state={state} mode="referral" referrerType={referrerType} />;
  }
}

export default function ReferralPage() {
  const { slug, title, number, csrf, values, childCount, back, change, offline, referrerType } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result ?? { values };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back
        </Link>
        {offline || (result && "unavailable" in result) ? <UnavailableNotice /> : null}
        <ErrorSummary errors={result?.errors} />
        <span className="govuk-caption-l">
          Step {number} of {referralPages.length + 1}
        </span>
        <h1 className="govuk-heading-l">{title}</h1>
        {slug === "children" ? (
          <p className="govuk-body">Tell us about each child involved. We only need their names if it helps.</p>
        ) : null}
        <Form method="post" noValidate action={`/refer/${slug}${change ? "?change=1" : ""}`}>
          <input type="hidden" name="csrf" value={csrf} />
          <Fields slug={slug} state={state} childCount={childCount} referrerType={referrerType} />
          <div className="govuk-button-group">
            <Button>{change ? "Save and go back to check your answers" : "Save and continue"}</Button>
            {slug === "children" && childCount < MAX_CHILDREN ? (
              <button
                type="submit"
                name="intent"
                value="add-child"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
              >
                Add another child
              </button>
            ) : null}
          </div>
        </Form>
        <FormPageLinks />
      </div>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Radios, YesNo } from "~/components/form-fields";
import { UnavailableNotice } from "~/components/notification-banner";
import { screenerSection } from "~/contacts/contact-fields";
import { checkCsrf, csrfToken, keptWhileUnavailable, requireDraft, savePage } from "~/referrals/drafts.server";
import { FormPageLinks } from "~/referrals/page-parts";
import { usePublicEnv } from "~/utils/public-env";
import { invalid, parseValues, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Is the LADO the right place? - LADO referral" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await requireDraft(request);
  return data(
    { csrf: csrfToken(draft), values: draft.answers.pages.screener ?? {}, offline: Boolean(draft.offline) },
    { status: draft.offline ? 503 : 200 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const draft = await requireDraft(request);
  const values = await readForm(request);
  checkCsrf(draft, values.csrf);
  const parsed = parseValues(screenerSection, values);
  try {
    await savePage(draft, "screener", parsed.ok ? parsed.values : parsed.failure.values);
  } catch (error) {
    return keptWhileUnavailable(error, values);
  }
  if (!parsed.ok) return invalid(parsed.failure);
  const { worksWithChildren, aboutConduct, immediateDanger } = parsed.data;
  if (immediateDanger === "no" && worksWithChildren !== "no" && aboutConduct !== "no") return redirect("/refer/who-you-are");
  return { guidance: { danger: immediateDanger === "yes", notWorking: worksWithChildren === "no", notConduct: aboutConduct === "no" } };
}

const yesNoNotSure = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "not-sure", label: "Not sure" },
];

export default function Screener() {
  const { csrf, values, offline } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const phones = usePublicEnv();
  const state = result && "errors" in result ? result : { values };
  if (result && "guidance" in result) {
    const g = result.guidance;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Before you go on</h1>
          {g.danger ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                If a child is in immediate danger, call 999 now. Then phone children's services on {phones.FRONT_DOOR_PHONE} (out of hours:{" "}
                {phones.OUT_OF_HOURS_PHONE}). Do not wait to fill in this form.
              </strong>
            </div>
          ) : null}
          {g.notWorking ? (
            <p className="govuk-body">
              The LADO deals with concerns about adults who work or volunteer with children, paid or unpaid, including foster carers and
              people in a position of trust. If you are worried about a child and the adult does not work with children, contact children's
              services on {phones.FRONT_DOOR_PHONE}.
            </p>
          ) : null}
          {g.notConduct ? (
            <>
              <p className="govuk-body">
                The LADO deals with how an adult has behaved towards children, or behaviour that may make them unsuitable to work with
                children, at work or outside it.
              </p>
              <p className="govuk-body">
                If you are worried about how someone behaves at work, but not in this way, it may be a low-level concern: follow your
                organisation's low-level concerns policy (Keeping children safe in education, part 4, section 2).
              </p>
              <p className="govuk-body">
                For a concern about a child's welfare at home, contact children's services on {phones.FRONT_DOOR_PHONE}. If the adult works
                with children and may have harmed their own child, tell the LADO as well: they may be a risk to the children they work with.
              </p>
            </>
          ) : null}
          <p className="govuk-body">If you are not sure, phone the LADO team on {phones.LADO_PHONE}, or carry on and we will decide.</p>
          <Link to="/refer/who-you-are" className="govuk-button" role="button" draggable="false">
            Continue with the referral
          </Link>
          <FormPageLinks />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/refer" className="govuk-back-link">
          Back
        </Link>
        {offline || (result && "unavailable" in result) ? <UnavailableNotice /> : null}
        <ErrorSummary errors={"errors" in state ? state.errors : undefined} />
        <h1 className="govuk-heading-l">Is the LADO the right place?</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="csrf" value={csrf} />
          <Radios
            name="worksWithChildren"
            legend="Does the person work or volunteer with children?"
            hint="Paid or unpaid, including foster carers and anyone in a position of trust"
            options={yesNoNotSure}
            state={state}
          />
          <Radios
            name="aboutConduct"
            legend="Is the concern about how they have behaved towards a child, or behaviour that may make them unsuitable to work with children?"
            hint="This includes behaviour outside work, such as online, in their private life or towards their own children"
            options={yesNoNotSure}
            state={state}
          />
          <YesNo name="immediateDanger" legend="Is a child in immediate danger now?" state={state} />
          <Button>Continue</Button>
        </Form>
        <FormPageLinks />
      </div>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { env } from "~/config/env.server";
import { findDraft, startDraft } from "~/referrals/drafts.server";
import { takeDraft } from "~/referrals/limits.server";
import { usePublicEnv } from "~/utils/public-env";

export const meta: MetaFunction = () => [{ title: "Tell the LADO about a concern - LADO referral" }];

export async function loader(_: LoaderFunctionArgs) {
  return { draftDays: env().REFERRAL_DRAFT_DAYS, maxFiles: env().ATTACHMENT_MAX_FILES, fileHours: env().REFERRAL_FILE_HOURS };
}

export async function action({ request }: ActionFunctionArgs) {
  const existing = await findDraft(request);
  if (existing) return redirect("/refer/screener");
  takeDraft(request);
  const { cookie } = await startDraft();
  return redirect("/refer/screener", { headers: { "Set-Cookie": cookie } });
}

export default function StartReferral() {
  const { LADO_PHONE, OUT_OF_HOURS_PHONE, DATA_CONTROLLER } = usePublicEnv();
  const { draftDays, maxFiles, fileHours } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get("expired") ? (
          <div className="govuk-inset-text">Your saved answers have expired and were deleted. Please start again.</div>
        ) : null}
        <h1 className="govuk-heading-xl">Tell the LADO about a concern about an adult who works with children</h1>
        <p className="govuk-body">
          Use this form if you are worried about how an adult who works or volunteers with children has behaved: for example a teacher,
          nursery worker, foster carer, coach, youth worker, faith leader or health worker.
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            If a child is in immediate danger, call 999. To talk to us now, phone the LADO team on {LADO_PHONE}, or outside office hours{" "}
            {OUT_OF_HOURS_PHONE}.
          </strong>
        </div>
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">You will need:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>your contact details and your organisation's</li>
          <li>what you know about the person: name, job and employer</li>
          <li>what happened, when and where, in your own words</li>
          <li>what has been done so far, for example whether the police know</li>
        </ul>
        <p className="govuk-body">
          It takes about 15 minutes. Your answers are saved as you go and kept on this device for {draftDays} days, so you can come back to
          them. You can attach up to {maxFiles} documents; to keep them safe, documents are deleted if the referral is not sent within{" "}
          {fileHours} hours.
        </p>
        <p className="govuk-body">If you are using a shared computer, you can delete your answers at any time: each page has a link.</p>
        <Form method="post">
          <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
            <svg
              className="govuk-button__start-icon"
              xmlns="http://www.w3.org/2000/svg"
              width="17.5"
              height="19"
              viewBox="0 0 33 40"
              aria-hidden="true"
              focusable="false"
            >
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </button>
        </Form>
        <h2 className="govuk-heading-m">How we use your information</h2>
        <p className="govuk-body">
          {DATA_CONTROLLER} uses what you tell us to keep children safe, and shares it only with those who need it, such as the police,
          children's social care and the person's employer. Telling the LADO is lawful and expected: you do not need anyone's consent.
        </p>
        <p className="govuk-body">
          <Link to="/refer/privacy" className="govuk-link">
            Read the privacy notice
          </Link>{" "}
          to find out why we can use your information, how long we keep it, your rights and how to contact our data protection officer.
        </p>
      </div>
    </div>
  );
}

// The referral form's privacy notice (UK GDPR Articles 13 and 14): who holds
// the information, why the law allows it, who it goes to, how long it is kept
// and the referrer's rights. Public, no draft needed. The controller and its
// data protection officer come from configuration; how long records are kept
// comes from the retention settings, so the notice cannot fall behind them.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { env } from "~/config/env.server";
import { getSettings } from "~/config/settings.server";
import { usePublicEnv } from "~/utils/public-env";

export const meta: MetaFunction = () => [{ title: "How we use your information - LADO referral" }];

export async function loader() {
  const { retentionYears } = await getSettings();
  return {
    // The shortest period of any outcome: every record is kept at least this long.
    leastYears: Math.min(...Object.values(retentionYears)),
    draftDays: env().REFERRAL_DRAFT_DAYS,
    fileHours: env().REFERRAL_FILE_HOURS,
  };
}

export default function PrivacyNotice() {
  const { leastYears, draftDays, fileHours } = useLoaderData<typeof loader>();
  const { DATA_CONTROLLER, DPO_EMAIL, DPO_ADDRESS } = usePublicEnv();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Privacy notice</span>
        <h1 className="govuk-heading-l">How we use your information</h1>
        <p className="govuk-body">
          This notice explains how we use the information you give us when you tell the Local Authority Designated Officer (LADO) about a
          concern about an adult who works or volunteers with children.
        </p>

        <h2 className="govuk-heading-m">Who we are</h2>
        <p className="govuk-body">
          {DATA_CONTROLLER} is the data controller for this information. The LADO service is part of it, and uses the information to manage
          allegations and concerns about adults who work with children and to keep children safe.
        </p>

        <h2 className="govuk-heading-m">What information we use</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>your name, role, organisation and contact details</li>
          <li>details of the person the concern is about, such as their name, job and employer</li>
          <li>details of the children involved</li>
          <li>what happened, what has been done so far, and any documents you attach</li>
        </ul>
        <p className="govuk-body">
          This can include information about health, sex life, ethnicity or religion (special category data) and about crimes or allegations
          of crime.
        </p>

        <h2 className="govuk-heading-m">Why we can use it</h2>
        <p className="govuk-body">
          Sharing information with the LADO to protect children is lawful and expected. Working Together to Safeguard Children 2023 and
          Keeping Children Safe in Education ask everyone who works with children to do it. You do not need the consent of the person or of
          the child's family to tell us.
        </p>
        <p className="govuk-body">
          Under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018, we rely on:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            public task (Article 6(1)(e)): our duties to safeguard children under the Children Act 1989 and the Children Act 2004, and
            statutory guidance
          </li>
          <li>
            for special category data, substantial public interest (Article 9(2)(g)), under the condition for safeguarding of children and
            of individuals at risk (Data Protection Act 2018, Schedule 1, paragraph 18)
          </li>
          <li>
            for information about crimes and allegations of crime, Article 10 of the UK GDPR and the same condition (Data Protection Act
            2018, section 10 and Schedule 1)
          </li>
        </ul>

        <h2 className="govuk-heading-m">Who we share it with</h2>
        <p className="govuk-body">Only what is needed to keep children safe, and only with those who need it, such as:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the police</li>
          <li>children's social care, ours or another council's</li>
          <li>the person's employer, or the organisation they volunteer for</li>
          <li>another council's LADO, if the person works or lives in its area</li>
          <li>
            regulators where needed, such as Ofsted, the Disclosure and Barring Service, the Teaching Regulation Agency and professional
            bodies
          </li>
        </ul>
        <p className="govuk-body">
          We do not tell the person the concern is about who made the referral, unless we have to: for example, if a court orders it. We
          never sell your information or use it for marketing.
        </p>

        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">
          LADO records are kept in line with the council's retention schedule, at least {leastYears} years, and longer when the law or a
          public inquiry requires it.
        </p>
        <p className="govuk-body">
          If you do not send your referral, your answers are deleted after {draftDays} days and any documents you attached after {fileHours}{" "}
          hours. You can delete them sooner with the link "Delete my answers" on each page of the form.
        </p>

        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">You have the right to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>ask for a copy of the information we hold about you</li>
          <li>ask us to correct information that is wrong</li>
          <li>object to how we use your information, or ask us to limit it</li>
        </ul>
        <p className="govuk-body">
          Some rights are limited when using the information is needed to protect children: we will explain if this applies. To use any of
          these rights, contact our data protection officer.
        </p>

        <h2 className="govuk-heading-m">Contact our data protection officer</h2>
        <ul className="govuk-list">
          <li>
            Email:{" "}
            <a className="govuk-link" href={`mailto:${DPO_EMAIL}`}>
              {DPO_EMAIL}
            </a>
          </li>
          {DPO_ADDRESS ? <li className="app-pre-wrap">Write to: {DPO_ADDRESS}</li> : null}
        </ul>

        <h2 className="govuk-heading-m">If you want to complain</h2>
        <p className="govuk-body">
          If you are unhappy with how we have used your information, you can complain to the Information Commissioner's Office (ICO) at{" "}
          <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
            ico.org.uk/make-a-complaint
          </a>{" "}
          or on 0303 123 1113. Please contact our data protection officer first, so we can try to put things right.
        </p>
      </div>
    </div>
  );
}

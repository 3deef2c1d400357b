// Creating a contact: the one path by which a case comes into being, from the
// public referral form (referrals/submit.server.ts) or logged by staff. All in
// the caller's transaction: the case and its reference, referrer and
// organisation, the person, the children, the audit event and the emails.
import type { Prisma } from "~/generated/prisma/client";
import type { ContactSource } from "~/generated/prisma/enums";
import { recordAudit } from "~/audit/audit.server";
import { nextCaseReference } from "~/cases/reference.server";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { queueEmail } from "~/messages/outbox.server";
import type { ContactAnswers } from "./contact-fields";
import { receiptEmail, teamAlertEmail } from "./emails";

export type ContactReceipt = {
  source: ContactSource;
  receivedAt: Date;
  /** The member of staff who logged it; null for the public form. */
  loggedById: string | null;
};

type Answers = Partial<ContactAnswers> & { summary: string };

/** A contact logged by staff, in a transaction of its own. */
export function createContact(request: Request, answers: Answers, receipt: ContactReceipt) {
  return db.$transaction((tx) => createContactIn(tx, request, answers, receipt));
}

export async function createContactIn(tx: Prisma.TransactionClient, request: Request, a: Answers, receipt: ContactReceipt) {
  const organisation =
    a.organisationName && a.organisationSector
      ? ((await tx.organisation.findFirst({
          where: { name: { equals: a.organisationName, mode: "insensitive" }, sector: a.organisationSector },
          select: { id: true },
        })) ?? (await tx.organisation.create({ data: { name: a.organisationName, sector: a.organisationSector }, select: { id: true } })))
      : null;
  const identity = await tx.identity.create({ data: {} });
  // Last before the case itself: the counter's row lock is held until commit.
  const reference = await nextCaseReference(tx, receipt.receivedAt);
  const named = a.namedProfessional !== "no";
  const yn = (v: boolean | undefined) => v ?? null;

  const contact = await tx.case.create({
    data: {
      reference,
      source: receipt.source,
      receivedAt: receipt.receivedAt,
      loggedById: receipt.loggedById,
      namedProfessional: named,
      summary: a.summary,
      reportedHarmCategories: a.harmCategories ?? [],
      followedRestraint: yn(a.followedRestraint),
      incidentFrom: a.incidentDate ?? null,
      moreThanOneIncident: yn(a.moreThanOneIncident),
      employerAwareAt: a.employerAwareDate ?? null,
      incidentLocation: a.incidentLocation ?? null,
      allegationMadeBy: a.allegationMadeBy ?? null,
      allegationMadeByDetail: a.allegationMadeByDetail ?? null,
      policeInformed: a.policeInformed ?? null,
      policeReference: a.policeReference ?? null,
      socialCareInformed: a.socialCareInformed ?? null,
      parentsInformed: a.parentsInformed ?? null,
      subjectAware: a.subjectAware ?? null,
      suspendedOrRedeployed: a.suspendedOrRedeployed ?? null,
      actionsSoFar: a.actionsSoFar ?? null,
      referrer: {
        create: {
          name: a.referrerName ?? null,
          role: a.referrerRole ?? null,
          organisationId: organisation?.id ?? null,
          phone: a.referrerPhone ?? null,
          email: a.referrerEmail ?? null,
          seniorManagerAware: a.seniorManagerAware ?? null,
        },
      },
      subject: {
        create: {
          identityId: identity.id,
          firstName: named ? (a.subjectFirstName ?? null) : null,
          lastName: named ? (a.subjectLastName ?? null) : null,
          previousNames:
            named && a.subjectPreviousNames
              ? a.subjectPreviousNames
                  .split(/[,;\n]/)
                  .map((n) => n.trim())
                  .filter(Boolean)
              : [],
          dateOfBirth: named ? (a.subjectDateOfBirth ?? null) : null,
          sex: a.subjectSex ?? null,
          ethnicity: a.subjectEthnicity ?? null,
          address: named ? (a.subjectAddress ?? null) : null,
          jobTitle: a.subjectJobTitle ?? null,
          employerName: a.subjectEmployer ?? null,
          employmentBasis: a.subjectEmploymentBasis ?? null,
          startDate: a.subjectStartDate ?? null,
          otherWorkWithChildren: a.subjectOtherWork ?? null,
          ownChildrenOrCaring: a.subjectOwnChildren ?? null,
          previousConcernsKnown: a.subjectPreviousConcerns ?? null,
        },
      },
      children: {
        create: (a.children ?? []).map((c) => ({
          ageYears: c.ageYears ?? null,
          sex: c.sex ?? null,
          setting: c.setting ?? null,
          name: c.name ?? null,
        })),
      },
    },
    select: { id: true, reference: true },
  });

  await recordAudit(
    request,
    {
      who: receipt.loggedById,
      what: receipt.loggedById ? "contact.log" : "referral.submit",
      caseId: contact.id,
      details: { source: receipt.source },
    },
    tx,
  );
  const messages = [
    await queueEmail(tx, { caseId: contact.id, ...teamAlertEmail(contact.reference, receipt), to: env().TEAM_INBOX_EMAIL }),
  ];
  if (receipt.source === "ONLINE_FORM" && a.referrerEmail) {
    messages.push(
      await queueEmail(tx, { caseId: contact.id, ...receiptEmail(contact.reference, receipt.receivedAt), to: a.referrerEmail }),
    );
  }
  return { ...contact, messageIds: messages.map((m) => m.id) };
}

// The referral as it came in: who referred, the person, the children, what
// happened and what had been done.
import type { Prisma } from "~/db.server";

export function readReferral(tx: Prisma.TransactionClient, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      namedProfessional: true,
      summary: true,
      reportedHarmCategories: true,
      followedRestraint: true,
      incidentFrom: true,
      incidentTo: true,
      moreThanOneIncident: true,
      employerAwareAt: true,
      incidentLocation: true,
      allegationMadeBy: true,
      allegationMadeByDetail: true,
      policeInformed: true,
      policeReference: true,
      socialCareInformed: true,
      parentsInformed: true,
      subjectAware: true,
      suspendedOrRedeployed: true,
      actionsSoFar: true,
      referrer: {
        select: {
          name: true,
          role: true,
          phone: true,
          email: true,
          seniorManagerAware: true,
          organisation: { select: { name: true, sector: true } },
        },
      },
      subject: {
        select: {
          firstName: true,
          lastName: true,
          previousNames: true,
          dateOfBirth: true,
          sex: true,
          ethnicity: true,
          address: true,
          jobTitle: true,
          employerName: true,
          sector: true,
          employmentBasis: true,
          startDate: true,
          otherWorkWithChildren: true,
          ownChildrenOrCaring: true,
          previousConcernsKnown: true,
          employer: { select: { name: true } },
        },
      },
      children: { orderBy: { id: "asc" }, select: { id: true, name: true, ageYears: true, sex: true, setting: true } },
    },
  });
}

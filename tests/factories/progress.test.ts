// The records a case gathers on its way to a stage, as the demo data and
// tests rely on them: in date order, none after now, signed off by the
// manager, and a repeat subject matched to the earlier contact. Built in
// memory (buildCase), with faker seeded and "now" fixed.
import { describe, expect, it } from "vitest";
import { addDays, buildCase, seeded, type CaseOverrides } from ".";

const NOW = new Date("2026-11-27T12:00:00Z");
const lado = { id: "0b1f4c9e-1d2a-4f6b-8c3d-5e7f9a1b2c3d", name: "Grace Okafor" };
const manager = { id: "6a2e8d4c-3b1f-4e5a-9c7d-8f0b2a4c6e81" };

const build = (overrides: CaseOverrides, seed = 1) =>
  seeded(seed, NOW, async () => buildCase({ allocatedTo: lado, manager, ...overrides }));

/** Every moment recorded on a built case, by what it is. */
function moments(made: ReturnType<typeof buildCase>) {
  const at = (d: Date | string | null | undefined) => (d == null ? [] : [new Date(d)]);
  return [
    ...made.decisions.flatMap((d) => at(d.decidedAt)),
    ...made.meetings.flatMap((m) => at(m.heldAt)),
    ...made.policeUpdates.flatMap((u) => at(u.at)),
    ...made.policeChallenges.flatMap((c) => at(c.at)),
    ...at(made.outcome?.decidedAt),
    ...made.closures.flatMap((c) => [...at(c.proposedAt), ...at(c.signedOffAt), ...at(c.reopenedAt)]),
  ];
}

describe("progress", () => {
  it("takes a revised, concluded allegation through every record in order, none after now", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const made = await build(
        {
          receivedAt: addDays(NOW, -400),
          progress: { decision: "ALLEGATION", revisedFrom: "ADVICE", police: {}, concluded: { outcome: "SUBSTANTIATED" } },
        },
        seed,
      );
      expect(made.decisions.map((d) => [d.revision, d.category])).toEqual([
        [1, "ADVICE"],
        [2, "ALLEGATION"],
      ]);
      const [advice, allegation] = made.decisions.map((d) => new Date(d.decidedAt));
      expect(advice! < allegation!).toBe(true);
      expect(made.meetings[0]).toMatchObject({ type: "EVALUATION" });
      expect(new Date(made.meetings[0]!.heldAt) > allegation!).toBe(true);
      expect(made.outcome).toMatchObject({ outcome: "SUBSTANTIATED", recordedById: lado.id });
      expect(made.police).toMatchObject({ status: expect.stringMatching(/^(NFA|CONCLUDED)$/) });
      // The advice was closed, then reopened when the decision was revised.
      expect(made.closures[0]).toMatchObject({ signedOffById: manager.id, reopenedById: lado.id });
      for (const moment of moments(made)) expect(moment <= NOW).toBe(true);
      expect(made.caseRow.initialConsideredAt! <= advice!).toBe(true);
    }
  });

  it("keeps an allegation open past three months with a reason for delay each month and no outcome", async () => {
    const made = await build({
      receivedAt: addDays(NOW, -150),
      progress: { decision: "ALLEGATION", police: { status: "INVESTIGATING", lastUpdateDaysAgo: 41, challenges: 1 }, overdueActions: 1 },
    });
    expect(made.outcome).toBeUndefined();
    expect(made.closures).toEqual([]);
    expect(made.delayReasons.map((d) => new Date(d.month).toISOString().slice(0, 10))).toEqual(["2026-09-01", "2026-10-01", "2026-11-01"]);
    expect(made.policeChallenges).toMatchObject([{ kind: "CHALLENGE" }]);
    expect(made.actions.filter((a) => a.status === "OPEN" && a.dueDate < NOW)).toHaveLength(1);
    for (const moment of moments(made)) expect(moment <= NOW).toBe(true);
  });

  it("leaves advice awaiting sign-off with its closure proposed", async () => {
    const made = await build({ receivedAt: addDays(NOW, -10), progress: { decision: "ADVICE", awaitingSignOff: true } });
    expect(made.advice).toBeDefined();
    expect(made.closures).toHaveLength(1);
    expect(made.closures[0]).not.toHaveProperty("signedOffAt");
  });

  it("gives a repeat subject the earlier name and date of birth, suggested in triage and the same person once considered", async () => {
    const earlier = await build({ receivedAt: addDays(NOW, -300), progress: { decision: "ADVICE" } });
    const waiting = await build({ receivedAt: addDays(NOW, -1), repeatOf: earlier, progress: { decision: null } });
    const decided = await build({ receivedAt: addDays(NOW, -1), repeatOf: earlier, progress: { decision: "CAUSE_FOR_CONCERN" } });

    for (const later of [waiting, decided]) {
      expect(later.subject).toMatchObject({
        firstName: earlier.subject.firstName,
        lastName: earlier.subject.lastName,
        dateOfBirth: earlier.subject.dateOfBirth,
      });
    }
    expect(waiting.personMatch).toMatchObject({ candidateId: earlier.subject.id, status: "SUGGESTED", decidedById: null });
    expect(waiting.identity.id).not.toBe(earlier.identity.id);
    expect(decided.personMatch).toMatchObject({ candidateId: earlier.subject.id, status: "CONFIRMED", decidedById: lado.id });
    expect(decided.identity).toEqual({ id: earlier.identity.id, isNew: false });
    expect(decided.caseRow.initialConsideration).toMatch(/^Prior history checked: one earlier contact about /);
  });
});

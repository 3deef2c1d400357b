// The admins' form of the service's rules with numbers
// (app/routes/settings.rules.tsx): one field per number in settingsSchema
// (retentionYears one per outcome, named "retentionYears.SUBSTANTIATED"),
// worded by settingWords, each checked by the schema's own field; a save
// writes only the values changed, in one transaction with one audit event
// "settings.change" holding each changed value's old and new number.
// getSettings reads the table on every call, so a change counts at once.
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db, type Prisma } from "~/db.server";
import type { FormValues } from "~/utils/forms.server";
import { getSettings, settingsSchema, settingWords, type Settings } from "./settings.server";

/** One number of the form, as the page shows it. */
export type RuleField = { name: string; label: string; hint: string; unit: string; whole: boolean };
/** The page's questions: a number on its own, or a group of them under a legend. */
export type RuleQuestion = RuleField | { name: string; legend: string; hint: string; fields: RuleField[] };

type Leaf = RuleField & { schema: z.ZodNumber; title: string };

const defaults = settingsSchema.parse({});

/** "5 working days", "1 working day", "80%". */
function amount(n: number, unit: string) {
  if (unit === "%") return `${n}%`;
  return `${n} ${n === 1 ? unit.replace(/s\b/, "") : unit}`;
}

/** A label as the middle of a sentence ("initial consideration..."), leaving an acronym as it is. */
const midSentence = (label: string) => (/^.[a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

function leaf(name: string, field: z.ZodType, label: string, title: string, unit: string, fallback: number, about = ""): Leaf {
  const schema = (field as z.ZodDefault<z.ZodNumber>).unwrap();
  const hint = `${about ? `${about} ` : ""}Default: ${amount(fallback, unit)}.`;
  return { name, label, hint, unit, whole: schema.isInt, schema, title };
}

/** Every number of the settings with its words, in the schema's order; questions group a nested setting's numbers. */
const { leaves, questions } = (() => {
  const leaves: Leaf[] = [];
  const questions: RuleQuestion[] = [];
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key];
    const words = settingWords[key];
    const fallback = defaults[key];
    if ("fields" in words && typeof fallback === "object") {
      const group = (field.unwrap() as z.ZodObject).shape;
      const fields = Object.entries(words.fields).map(([sub, label]) =>
        leaf(
          `${key}.${sub}`,
          group[sub]!,
          label,
          `${words.legend} (${midSentence(label)})`,
          words.unit,
          fallback[sub as keyof typeof fallback],
        ),
      );
      leaves.push(...fields);
      questions.push({ name: key, legend: words.legend, hint: words.hint, fields: fields.map(shown) });
    } else if ("label" in words && typeof fallback === "number") {
      const one = leaf(key, field, words.label, words.label, words.unit, fallback, words.hint);
      leaves.push(one);
      questions.push(shown(one));
    }
  }
  return { leaves, questions };
})();

function shown({ name, label, hint, unit, whole }: Leaf): RuleField {
  return { name, label, hint, unit, whole };
}

export { questions as ruleQuestions };

/** The numbers of the settings by field name: { "policeOpenMonths": 3, "retentionYears.SUBSTANTIATED": 50, ... }. */
function flat(settings: Settings): Record<string, number> {
  const values: Record<string, number> = {};
  for (const { name } of leaves) {
    const [key, sub] = name.split(".") as [keyof Settings, string?];
    const value = settings[key];
    values[name] = typeof value === "number" ? value : (value as Record<string, number>)[sub!]!;
  }
  return values;
}

/** The form's values for the settings: each number, and what the admin was shown (to find another admin's change on save). */
export function ruleValues(settings: Settings): FormValues {
  const numbers = flat(settings);
  return { ...Object.fromEntries(Object.entries(numbers).map(([name, n]) => [name, String(n)])), seen: JSON.stringify(numbers) };
}

/** One field: typed as a number, then checked by the setting's own schema, with messages naming it. */
function numberField({ schema, title, unit, whole }: Leaf) {
  const name = midSentence(title);
  const written = whole ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  const [min, max] = [schema.minValue ?? 0, schema.maxValue ?? 0];
  const range = `${title} must be between ${unit === "%" ? `${min}%` : min} and ${amount(max, unit)}`;
  return z
    .string(`Enter a number for ${name}`)
    .trim()
    .min(1, `Enter a number for ${name}`)
    .regex(written, whole ? `${title} must be a whole number` : `${title} must be a number`)
    .transform(Number)
    .refine((n) => schema.safeParse(n).success, range);
}

/** The form: every number, each a field error of its own. */
export const rulesForm = z
  .object({ ...Object.fromEntries(leaves.map((l) => [l.name, numberField(l)])), seen: z.string().optional() })
  .transform(({ seen, ...numbers }) => ({ numbers: numbers as Record<string, number>, seen }));

export type RulesInput = z.output<typeof rulesForm>;

const seenNumbers = z.record(z.string(), z.number());

/** The message on a number another admin changed while this one was changing it too. */
const changedMeanwhile = (l: Leaf, now: number) =>
  `Another admin changed this to ${amount(now, l.unit)} while you were editing: check it and save again`;

/** Any constant: the one advisory lock every save of the settings takes. */
const SETTINGS_LOCK = 5_170_017;

export type SaveResult = { saved: string[] } | { conflicts: Record<string, string>; values: FormValues };

/**
 * Saves the numbers the admin changed from what they were shown (`seen`):
 * a number another admin has changed meanwhile is left alone unless this
 * admin changed it too, which is refused with the other's value to check.
 * Writes only the settings that change, each with the admin, and one audit
 * event with each changed number's old and new value. Returns the labels of
 * the numbers saved (none when nothing changed).
 */
export async function saveRules(request: Request, adminId: string, { numbers: form, seen: sent }: RulesInput): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    // One save at a time, so two admins' saves cannot both pass the check below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK})`;
    const current = await getSettings(tx);
    const now = flat(current);
    const shownBefore = seenNumbers.safeParse(safeJson(sent));
    const seen = shownBefore.success ? shownBefore.data : now;
    const edited = leaves.filter((l) => form[l.name] !== (seen[l.name] ?? now[l.name]));
    const conflicts = edited.filter((l) => now[l.name] !== (seen[l.name] ?? now[l.name]) && now[l.name] !== form[l.name]);
    if (conflicts.length > 0) {
      const editedNames = new Set(edited.map((l) => l.name));
      const values = ruleValues(current);
      for (const l of leaves) if (editedNames.has(l.name)) values[l.name] = String(form[l.name]);
      return { conflicts: Object.fromEntries(conflicts.map((l) => [l.name, changedMeanwhile(l, now[l.name]!)])), values };
    }
    const changed = edited.filter((l) => now[l.name] !== form[l.name]);
    if (changed.length === 0) return { saved: [] };
    const next: Record<string, unknown> = structuredClone(current);
    for (const { name } of changed) {
      const [key, sub] = name.split(".") as [string, string?];
      if (sub) (next[key] as Record<string, number>)[sub] = form[name]!;
      else next[key] = form[name];
    }
    const settings = settingsSchema.parse(next);
    const keys = [...new Set(changed.map((l) => l.name.split(".")[0] as keyof Settings))];
    for (const key of keys) {
      const value = settings[key] as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, create: { key, value, updatedById: adminId }, update: { value, updatedById: adminId } });
    }
    const changes = Object.fromEntries(changed.map((l) => [l.name, { from: now[l.name]!, to: form[l.name]! }]));
    await recordAudit(
      request,
      { who: adminId, what: "settings.change", subject: { type: "setting", id: keys.join(",") }, details: { changes } },
      tx,
    );
    return { saved: changed.map((l) => l.title) };
  });
}

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

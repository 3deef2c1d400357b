// Configuration from the environment, validated once at start-up. A missing
// or malformed variable, or in production one left at its demo value, stops
// the app with a message naming it.
import fs from "node:fs";
import { z } from "zod";

const minutes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(fallback);

/** A PostgreSQL connection string (server/database.ts checks the database settings with it too). */
export const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, "must be a PostgreSQL connection string (postgresql://user:password@host:port/database)");

/** The made-up council the defaults describe (production refuses it, see parseEnv). */
const DEMO_COUNCIL = "Example Borough Council";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The app's connection: as its own role, which owns nothing (README, "Database roles"). */
    DATABASE_URL: postgresUrl.optional(),
    /** The owner's connection, for migrations only; without it they run as DATABASE_URL. */
    DATABASE_MIGRATION_URL: postgresUrl.optional(),
    SESSION_SECRET: z
      .string("is not set (npm run setup writes one to .env)")
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(32, "each secret must be at least 32 characters")).min(1, "must hold at least one secret")),
    SESSION_IDLE_MINUTES: minutes(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    /**
     * Sign-in throttling: free attempts, then doubling delays up to a cap, per
     * account (small cap: anyone can type a colleague's email) and per client address.
     */
    SIGN_IN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    SIGN_IN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    SIGN_IN_ADDRESS_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(20),
    SIGN_IN_ADDRESS_MAX_DELAY_MINUTES: minutes(15),
    SERVICE_NAME: z.string().min(1).default("LADO case management"),
    COUNCIL_NAME: z.string().min(1).default(DEMO_COUNCIL),
    /** The council's numbers, shown to referrers by the referral form's screener, start and confirmation pages. */
    FRONT_DOOR_PHONE: z.string().min(1).default("020 7946 0000"),
    OUT_OF_HOURS_PHONE: z.string().min(1).default("020 7946 0999"),
    LADO_PHONE: z.string().min(1).default("020 7946 0123"),
    /** Where new referrals are announced. */
    TEAM_INBOX_EMAIL: z.email("must be an email address").default("lado-team@example.org"),
    /** The referral form's privacy notice: the data controller (the council, unless set) and its data protection officer. */
    DATA_CONTROLLER: z.string().min(1).optional(),
    DPO_EMAIL: z.email("must be an email address").default("data-protection@example.org"),
    /** The data protection officer's postal address, if the notice should give one. */
    DPO_ADDRESS: z.string().min(1).optional(),
    /** The council's postal address for its letters: lines separated by the two characters \n (or real line breaks). */
    COUNCIL_ADDRESS: z
      .string()
      .optional()
      .transform((s) =>
        (s ?? "")
          .split(/\\n|\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    /** The council's logo for its letters: a PNG or JPEG file (read at start-up, so a wrong path stops the app at once). */
    COUNCIL_LOGO_PATH: z
      .string()
      .min(1)
      .optional()
      .refine((file) => file === undefined || imageKind(file) !== null, "must be the path of a PNG or JPEG file that the app can read"),
    /** GOV.UK Notify: without a key, messages go to the outbox shown in the app. */
    NOTIFY_API_KEY: z.string().min(74, "must be a GOV.UK Notify API key").optional(),
    NOTIFY_TEMPLATE_ID: z.uuid("must be the id of a GOV.UK Notify email template with ((subject)) and ((body))").optional(),
    /** Letters sent by email (the advice follow-up letter) go with a template that also has ((link_to_file)). */
    NOTIFY_LETTER_TEMPLATE_ID: z
      .uuid("must be the id of a GOV.UK Notify email template with ((subject)), ((body)) and ((link_to_file))")
      .optional(),
    /** Every form: the most bytes and fields one may send (a larger one gets a 413 page). */
    FORM_MAX_KB: z.coerce.number().int().min(16).max(10_240).default(512),
    FORM_MAX_FIELDS: z.coerce.number().int().min(10).max(10_000).default(500),
    /** Referral form limits. */
    REFERRAL_DRAFT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    REFERRAL_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Referrals one client address may start in an hour. */
    REFERRAL_DRAFTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
    /** Megabytes of files one client address may upload in an hour. */
    ATTACHMENT_MB_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(100),
    /** Files on referrals not yet sent: the most kept at once, in megabytes (the team is told at 80%). */
    UNSENT_FILES_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(2048),
    /** Files on referrals not yet sent are deleted this many hours after upload (the answers last REFERRAL_DRAFT_DAYS). */
    REFERRAL_FILE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24),
    ATTACHMENT_MAX_FILES: z.coerce.number().int().min(0).max(20).default(5),
    ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
    /** Express's "trust proxy": behind a reverse proxy, how to find the client's address (hops, or addresses). */
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v === "true" ? true : v === "false" ? false : v)),
    /** The records page's upload (a file of past years' records to import), in megabytes. */
    RECORDS_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2_000).default(50),
    /** Where uploaded files are kept, outside the web root. */
    UPLOAD_DIR: z.string().min(1).default("data/uploads"),
    /** Database queries slower than this many milliseconds are logged (0: every query). */
    SLOW_QUERY_MS: z.coerce.number().int().min(0).max(600_000).default(200),
    /**
     * A demonstration with made-up data (npm run setup writes it): production
     * then accepts settings left at their demo values, and every page says "Demo".
     */
    DEMO: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
  })
  .refine((e) => !e.NOTIFY_API_KEY || e.NOTIFY_TEMPLATE_ID, {
    path: ["NOTIFY_TEMPLATE_ID"],
    message: "must be set when NOTIFY_API_KEY is set",
  })
  .transform((e) => ({ ...e, DATA_CONTROLLER: e.DATA_CONTROLLER ?? e.COUNCIL_NAME }));

export type Env = z.infer<typeof schema>;

/** "png" or "jpeg" from a file's first bytes, or null when it is neither or cannot be read. */
function imageKind(file: string): "png" | "jpeg" | null {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    try {
      head = Buffer.alloc(8);
      fs.readSync(fd, head, 0, 8, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  return null;
}

/**
 * The configuration, or an error naming each problem. In production, settings
 * still at their demo values are refused (unless DEMO=true): a live service
 * must not send referrers to a made-up number or the team's mail to example.org.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = parseEnvWith(schema, source);
  const demo = parsed.NODE_ENV === "production" && !parsed.DEMO ? demoSettings(parsed) : [];
  if (demo.length) {
    throw new Error(
      "The configuration still has demo settings, which a live service must not use. Set each of these to the council's own:\n" +
        demo.map((line) => `  ${line}\n`).join("") +
        "(For a demonstration with made-up data only, set DEMO=true instead.)",
    );
  }
  return parsed;
}

/** RFC 2606 keeps these domains for examples: no one reads their mail. */
const EXAMPLE_ADDRESS = /@(?:[^@]+\.)?example\.(?:com|net|org)$/i;
/** Ofcom keeps 020 7946 0000 to 0999 for drama, whatever way it is written (+44, (0), spaces). */
const isDramaNumber = (phone: string) => phone.replace(/\D/g, "").replace(/^440?/, "0").startsWith("02079460");

/** Each setting still at a demo value, with what is wrong with it. */
function demoSettings(e: Env): string[] {
  const phones = (["LADO_PHONE", "FRONT_DOOR_PHONE", "OUT_OF_HOURS_PHONE"] as const).filter((name) => isDramaNumber(e[name]));
  return [
    ...(e.COUNCIL_NAME === DEMO_COUNCIL ? [`COUNCIL_NAME: "${DEMO_COUNCIL}" is the demo council`] : []),
    ...phones.map((name) => `${name}: ${e[name]} is a made-up number (Ofcom's range for drama)`),
    ...(["TEAM_INBOX_EMAIL", "DPO_EMAIL"] as const)
      .filter((name) => EXAMPLE_ADDRESS.test(e[name]))
      .map((name) => `${name}: ${e[name]} is an example address that no one reads`),
  ];
}

/** Parses variables with a schema; a failure names each variable and what is wrong with it. */
export function parseEnvWith<S extends z.ZodType>(variables: S, source: Record<string, string | undefined>): z.output<S> {
  const result = variables.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new Error(`The configuration is not valid:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** What the browser may see. Nothing else from the environment is sent to it. */
export function publicEnv() {
  const { SERVICE_NAME, COUNCIL_NAME, FRONT_DOOR_PHONE, OUT_OF_HOURS_PHONE, LADO_PHONE, DATA_CONTROLLER, DPO_EMAIL, DPO_ADDRESS, DEMO } =
    env();
  return { SERVICE_NAME, COUNCIL_NAME, FRONT_DOOR_PHONE, OUT_OF_HOURS_PHONE, LADO_PHONE, DATA_CONTROLLER, DPO_EMAIL, DPO_ADDRESS, DEMO };
}

// Configuration from the environment, validated once at start-up. A missing
// or malformed variable stops the app with a message naming it.
import { z } from "zod";

const minutes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a PostgreSQL connection string (postgresql://user:password@host:port/database)")
      .optional(),
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
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    SIGN_IN_LOCK_MINUTES: minutes(15),
    SERVICE_NAME: z.string().min(1).default("LADO case management"),
    COUNCIL_NAME: z.string().min(1).default("Example Borough Council"),
    /** The council's numbers, shown by the referral form's screener. */
    FRONT_DOOR_PHONE: z.string().min(1).default("020 7946 0000"),
    OUT_OF_HOURS_PHONE: z.string().min(1).default("020 7946 0999"),
    LADO_PHONE: z.string().min(1).default("020 7946 0123"),
    /** Where new referrals are announced. */
    TEAM_INBOX_EMAIL: z.email("must be an email address").default("lado-team@example.org"),
    /** GOV.UK Notify: without a key, messages go to the outbox shown in the app. */
    NOTIFY_API_KEY: z.string().min(74, "must be a GOV.UK Notify API key").optional(),
    NOTIFY_TEMPLATE_ID: z.uuid("must be the id of a GOV.UK Notify email template with ((subject)) and ((body))").optional(),
    /** Referral form limits. */
    REFERRAL_DRAFT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    REFERRAL_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
    ATTACHMENT_MAX_FILES: z.coerce.number().int().min(0).max(20).default(5),
    ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
    /** Express's "trust proxy": behind a reverse proxy, how to find the client's address (hops, or addresses). */
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v === "true" ? true : v === "false" ? false : v)),
    /** Where uploaded files are kept, outside the web root. */
    UPLOAD_DIR: z.string().min(1).default("data/uploads"),
  })
  .refine((e) => !e.NOTIFY_API_KEY || e.NOTIFY_TEMPLATE_ID, {
    path: ["NOTIFY_TEMPLATE_ID"],
    message: "must be set when NOTIFY_API_KEY is set",
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
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
  const { SERVICE_NAME, COUNCIL_NAME, FRONT_DOOR_PHONE, OUT_OF_HOURS_PHONE, LADO_PHONE } = env();
  return { SERVICE_NAME, COUNCIL_NAME, FRONT_DOOR_PHONE, OUT_OF_HOURS_PHONE, LADO_PHONE };
}

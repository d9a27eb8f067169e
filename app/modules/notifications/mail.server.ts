import { and, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { DB } from "#db/client";
import { notifications, users } from "#db/schema";
import { translate } from "~/i18n";

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * Mail is off unless SMTP_URL is set. nodemailer is imported only then, so a deployment without mail never
 * loads it. Tests pass their own Mailer (a fake that records messages).
 */
export async function mailerFromConfig(cfg: { smtpUrl?: string; mailFrom: string }): Promise<Mailer | undefined> {
  if (!cfg.smtpUrl) return undefined;
  const nodemailer = (await import("nodemailer")) as unknown as {
    default?: { createTransport(url: string): { sendMail(m: object): Promise<unknown> } };
    createTransport?(url: string): { sendMail(m: object): Promise<unknown> };
  };
  const create = nodemailer.createTransport ?? nodemailer.default!.createTransport;
  const transport = create(cfg.smtpUrl);
  return { send: async (m) => void (await transport.sendMail({ from: cfg.mailFrom, ...m })) };
}

/** Only recent notifications are mailed: switching mail on later must not flood people with old news. */
const MAIL_WINDOW_MS = 2 * 24 * 3600 * 1000;

/**
 * One digest mail per person with an address, listing their notifications not mailed yet; each is marked
 * mailed after its mail went out, so a re-run never sends it twice (a failed send is retried next run).
 */
export async function sendNotificationDigests(db: DB, mailer: Mailer, now: Date, baseUrl = ""): Promise<{ mails: number; failed: number }> {
  const pending = db
    .select({ n: notifications, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .where(and(isNull(notifications.mailedAt), isNotNull(users.email), eq(users.active, true), gte(notifications.createdAt, now.getTime() - MAIL_WINDOW_MS)))
    .all();
  const byEmail = new Map<string, (typeof pending)[number]["n"][]>();
  for (const p of pending) if (p.email) byEmail.set(p.email, [...(byEmail.get(p.email) ?? []), p.n]);
  let mails = 0;
  let failed = 0;
  for (const [to, items] of byEmail) {
    const lines = items.map(
      (n) => `- ${translate("vi", `notifications.kind.${n.kind}`, mailParams(JSON.parse(n.params)))}${n.link ? `\n  ${baseUrl}${n.link}` : ""}`,
    );
    try {
      await mailer.send({ to, subject: translate("vi", "notifications.mailSubject", { count: items.length }), text: lines.join("\n") });
      db.update(notifications)
        .set({ mailedAt: now.getTime() })
        .where(
          inArray(
            notifications.id,
            items.map((n) => n.id),
          ),
        )
        .run();
      mails++;
    } catch (e) {
      failed++;
      console.error(`[mail] to ${to} failed`, e);
    }
  }
  return { mails, failed };
}

/** Dates as dd/mm/yyyy, and the name of what a moved deadline belongs to, as the inbox shows them. */
function mailParams(p: Record<string, string | number>): Record<string, string | number> {
  const out = Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v]),
  );
  return typeof p.whatKey === "string" ? { ...out, what: translate("vi", p.whatKey, out) } : out;
}

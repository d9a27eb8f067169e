import { runCorrectiveActionsDaily } from "~/modules/corrective-actions/daily.server";
import { mailerFromConfig, sendNotificationDigests, type Mailer } from "~/modules/notifications/mail.server";
import type { JobContext } from "../types";

/**
 * Daily corrective-action pass for the day `periodKey` (a Vietnamese calendar day: the job's clock), then, when
 * SMTP_URL is set, one digest mail per person for the notifications not mailed yet.
 */
export async function correctiveActionsDaily(ctx: JobContext, periodKey: string, mailer?: Mailer) {
  const result = runCorrectiveActionsDaily(ctx, periodKey);
  ctx.log(`overdue marked ${result.markedOverdue}, notices ${JSON.stringify(result.notifications)} (N=${result.escalateAfterDays})`);
  const m = mailer ?? (await mailerFromConfig(ctx.config));
  const mail = m ? await sendNotificationDigests(ctx.db, m, ctx.now) : { mails: 0, failed: 0, off: true };
  return { ...result, mail };
}

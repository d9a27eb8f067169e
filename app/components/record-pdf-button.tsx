import { Form, useNavigation } from "@remix-run/react";
import type { RecordReportKind } from "#db/schema/enums";
import { useT } from "~/i18n/react";

/** "Xuất PDF": queues the PDF of one record (audit report, action form, minutes) and opens its progress page. */
export function RecordPdfButton({ kind, subjectId }: { kind: RecordReportKind; subjectId: number }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/reports/record";
  return (
    <Form method="post" action="/reports/record" className="inline-form record-pdf">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <button type="submit" className="secondary" disabled={busy} title={t(`reports.record.hint.${kind}`)}>
        {t(`reports.record.button.${kind}`)}
      </button>
    </Form>
  );
}

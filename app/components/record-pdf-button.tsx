import { Form } from "@remix-run/react";
import type { RecordReportKind } from "#db/schema/enums";
import { useT } from "~/i18n/react";
import { SubmitButton } from "~/components/submit-button";

/** "Xuất PDF": queues the PDF of one record (audit report, action form, minutes) and opens its progress page. */
export function RecordPdfButton({ kind, subjectId }: { kind: RecordReportKind; subjectId: number }) {
  const t = useT();
  return (
    <Form method="post" action="/reports/record" className="inline-form record-pdf">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <SubmitButton className="secondary" title={t(`reports.record.hint.${kind}`)}>
        {t(`reports.record.button.${kind}`)}
      </SubmitButton>
    </Form>
  );
}

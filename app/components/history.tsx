import { formatDateTime } from "~/lib/time";
import { actionLabel } from "~/i18n";
import { useT } from "~/i18n/react";
import { TableWrap } from "./table-wrap";

type Entry = { id: number; at: number; actorName: string; action: string; before: string | null; after: string | null };

/** Which fields changed between two JSON snapshots, shown as "field: before → after". */
export function diffSnapshots(before: string | null, after: string | null): { field: string; from: string; to: string }[] {
  const b = before ? (JSON.parse(before) as Record<string, unknown>) : {};
  const a = after ? (JSON.parse(after) as Record<string, unknown>) : {};
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  const out: { field: string; from: string; to: string }[] = [];
  for (const f of fields) {
    if (f === "updatedAt" || f === "createdAt") continue;
    const from = b[f] === undefined ? "" : JSON.stringify(b[f]);
    const to = a[f] === undefined ? "" : JSON.stringify(a[f]);
    if (from !== to) out.push({ field: f, from, to });
  }
  return out;
}

export function History({ entries }: { entries: Entry[] }) {
  const t = useT();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("common.history")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("common.noHistory")}</p>
      ) : (
        <TableWrap label={t("common.history")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("trail.at")}</th>
                <th scope="col">{t("trail.actor")}</th>
                <th scope="col">{t("trail.action")}</th>
                <th scope="col">{t("trail.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("trail.at")}>{formatDateTime(e.at)}</td>
                  <td data-label={t("trail.actor")}>{e.actorName}</td>
                  <td data-label={t("trail.action")}>{actionLabel(t, e.action)}</td>
                  <td data-label={t("trail.changes")}>
                    <ul className="changes">
                      {diffSnapshots(e.before, e.after).map((d) => (
                        <li key={d.field}>
                          <code>{d.field}</code>: {d.from || "∅"} → {d.to || "∅"}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

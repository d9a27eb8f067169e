import { hasMessage, type T } from "~/i18n";
import { useT } from "~/i18n/react";
import { formatDate, formatDateTime } from "~/lib/time";
import { fieldKind, humanise, snapshot, type FieldKind, type TrailRefs } from "~/modules/trail/fields";

/** Which fields changed between two JSON snapshots, raw: "field: before → after" (tests, diagnostics). */
export function diffSnapshots(before: string | null, after: string | null): { field: string; from: string; to: string }[] {
  const b = snapshot(before);
  const a = snapshot(after);
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

/** One trail row as the history shows it: what it is about, and its snapshots with the names they mention. */
export type TrailRow = { entity?: string; before: string | null; after: string | null; refs?: TrailRefs };
export type Change = { field: string; label: string; from?: string; to: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 240;

/** A field's label in the reader's language: per record kind, else shared, else the field's name in words. */
export function fieldLabel(t: T, entity: string, field: string): string {
  if (hasMessage(`trail.field.${entity}.${field}`)) return t(`trail.field.${entity}.${field}`);
  if (hasMessage(`trail.field.${field}`)) return t(`trail.field.${field}`);
  return humanise(field);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}

function short(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

/** A plain value in words: message keys translated, days as dd/mm/yyyy, lists joined, JSON lists unpacked. */
function plain(t: T, v: unknown): string {
  if (isEmpty(v)) return t("trail.value.none");
  if (typeof v === "boolean") return t(v ? "common.yes" : "common.no");
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    if (ISO_DAY.test(v)) return formatDate(v);
    if (/^[a-z][\w-]*(\.[\w-]+)+$/i.test(v) && hasMessage(v)) return t(v);
    if (v.startsWith("[")) {
      try {
        const list = JSON.parse(v) as unknown;
        if (Array.isArray(list)) return plain(t, list);
      } catch {
        // Not JSON after all: plain text.
      }
    }
    return short(v);
  }
  if (Array.isArray(v)) {
    return short(
      v
        .map((x) => {
          if (x && typeof x === "object") {
            const o = x as Record<string, unknown>;
            return [o.code, o.name ?? o.title].filter((p) => typeof p === "string" && p).join(" ");
          }
          return plain(t, x);
        })
        .filter(Boolean)
        .join("; "),
    );
  }
  return t("trail.value.changed");
}

function formatValue(t: T, kind: FieldKind, v: unknown, refs: TrailRefs | undefined): string {
  if (isEmpty(v)) return t("trail.value.none");
  if (typeof kind === "object") {
    const code = String(v);
    const prefix = kind.enum.find((p) => hasMessage(`${p}${code}`) && t(`${p}${code}`) !== "");
    return prefix ? t(`${prefix}${code}`) : humanise(code);
  }
  switch (kind) {
    case "day":
      return typeof v === "string" && ISO_DAY.test(v) ? formatDate(v) : plain(t, v);
    case "instant": {
      const ms = typeof v === "number" ? v : typeof v === "string" ? Date.parse(v) : NaN;
      return Number.isFinite(ms) ? formatDateTime(ms) : plain(t, v);
    }
    case "user":
      return refs?.users[Number(v)] ?? t("trail.value.someone");
    case "users":
      return (Array.isArray(v) ? v : [v]).map((id) => refs?.users[Number(id)] ?? t("trail.value.someone")).join(", ");
    case "unit":
      return refs?.units[Number(v)] ?? t("trail.value.someUnit");
    default:
      return plain(t, v);
  }
}

/**
 * A trail row in words. A row that records a change lists each changed field "label: before → after"; a row that
 * records a new record or an event (no "before") lists what it holds. Ids, hashes and bookkeeping are left out;
 * people and units are named; codes read as their labels; days and instants as dd/mm/yyyy (hh:mm).
 */
export function describeChanges(t: T, row: TrailRow): Change[] {
  const entity = row.entity ?? "";
  const b = snapshot(row.before);
  const a = snapshot(row.after);
  const creation = Object.keys(b).length === 0;
  const out: Change[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const kind = fieldKind(entity, field);
    if (kind === "hidden") continue;
    // A snapshot records what the step touched: a field it leaves out did not change.
    if (!(field in a)) continue;
    if (creation) {
      if (isEmpty(a[field])) continue;
    } else if (JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null)) continue;
    const to = formatValue(t, kind, a[field], row.refs);
    const from = creation || !(field in b) ? undefined : formatValue(t, kind, b[field], row.refs);
    if (from === to) continue;
    out.push({ field, label: fieldLabel(t, entity, field), from, to });
  }
  return out;
}

/**
 * The changes of one trail row (a record's history, the admin trail), one line per field. `limit` keeps a long
 * row short (the admin trail lists many rows).
 */
export function TrailChanges({ row, limit }: { row: TrailRow; limit?: number }) {
  const t = useT();
  const changes = describeChanges(t, row);
  const shown = limit === undefined ? changes : changes.slice(0, limit);
  if (!changes.length) return null;
  return (
    <ul className="changes">
      {shown.map((d) => (
        <li key={d.field}>
          {d.label}: {d.from !== undefined ? `${d.from} → ` : ""}
          {d.to}
        </li>
      ))}
      {shown.length < changes.length ? <li className="muted">{t("trail.moreChanges", { n: changes.length - shown.length })}</li> : null}
    </ul>
  );
}

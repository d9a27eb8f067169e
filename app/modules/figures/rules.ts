import type { ObjectiveMeasure } from "#db/schema/enums";

export type Figures = {
  received: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  receivedOnline: number;
  returnedByPost: number;
  feedbackReceived: number;
  feedbackOnTime: number;
  surveyed?: number | null;
  satisfied?: number | null;
};

/** The figures of a month, in the order the screen, the export and the import give them (export → import round-trips). */
export const FIGURE_FIELDS = [
  "received",
  "resolvedEarly",
  "resolvedOnTime",
  "resolvedOverdue",
  "receivedOnline",
  "returnedByPost",
  "feedbackReceived",
  "feedbackOnTime",
  "surveyed",
  "satisfied",
] as const satisfies readonly (keyof Figures)[];

export const ZERO: Figures = {
  received: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedOverdue: 0,
  receivedOnline: 0,
  returnedByPost: 0,
  feedbackReceived: 0,
  feedbackOnTime: 0,
  surveyed: 0,
  satisfied: 0,
};

export function sumFigures(rows: Figures[]): Figures {
  return rows.reduce<Figures>(
    (a, r) => ({
      received: a.received + r.received,
      resolvedEarly: a.resolvedEarly + r.resolvedEarly,
      resolvedOnTime: a.resolvedOnTime + r.resolvedOnTime,
      resolvedOverdue: a.resolvedOverdue + r.resolvedOverdue,
      receivedOnline: a.receivedOnline + r.receivedOnline,
      returnedByPost: a.returnedByPost + r.returnedByPost,
      feedbackReceived: a.feedbackReceived + r.feedbackReceived,
      feedbackOnTime: a.feedbackOnTime + r.feedbackOnTime,
      surveyed: (a.surveyed ?? 0) + (r.surveyed ?? 0),
      satisfied: (a.satisfied ?? 0) + (r.satisfied ?? 0),
    }),
    { ...ZERO },
  );
}

/** A share in percent with one decimal, or null when the base is zero (no dossier: no rate, not 0 %). */
export function pct(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * The rates the one-stop rules and quality objectives use. On time counts early and on-time resolutions over all
 * resolved; online and post shares are over dossiers received. Score: 2 points early, 1 on time, 0 late (§7).
 */
export function rates(f: Figures) {
  const resolved = f.resolvedEarly + f.resolvedOnTime + f.resolvedOverdue;
  return {
    resolved,
    onTimeRate: pct(f.resolvedEarly + f.resolvedOnTime, resolved),
    onlineRate: pct(f.receivedOnline, f.received),
    postRate: pct(f.returnedByPost, f.received),
    feedbackOnTimeRate: pct(f.feedbackOnTime, f.feedbackReceived),
    satisfactionRate: f.surveyed ? pct(f.satisfied ?? 0, f.surveyed) : null,
    score: resolved ? Math.round(((2 * f.resolvedEarly + f.resolvedOnTime) / resolved) * 100) / 100 : null,
  };
}

/** Consistency checks of one month's figures; each problem is an i18n key with the field it concerns. */
export function figureProblems(f: Figures): { field: keyof Figures; key: string }[] {
  const out: { field: keyof Figures; key: string }[] = [];
  const resolved = f.resolvedEarly + f.resolvedOnTime + f.resolvedOverdue;
  if (f.receivedOnline > f.received) out.push({ field: "receivedOnline", key: "figures.errors.onlineOverReceived" });
  if (f.returnedByPost > resolved && f.returnedByPost > f.received) out.push({ field: "returnedByPost", key: "figures.errors.postOverReceived" });
  if (f.feedbackOnTime > f.feedbackReceived) out.push({ field: "feedbackOnTime", key: "figures.errors.feedbackOver" });
  if ((f.satisfied ?? 0) > (f.surveyed ?? 0)) out.push({ field: "satisfied", key: "figures.errors.satisfiedOver" });
  return out;
}

export type Attainment = { value: number | null; met: boolean | null };

/** Whether an objective is met: rates must reach their target; the overdue count must not exceed it. */
export function attainment(measure: ObjectiveMeasure, target: number, f: Figures | undefined, manualValue: number | null): Attainment {
  let value: number | null = manualValue;
  if (value === null && f) {
    const r = rates(f);
    value =
      measure === "on_time_rate"
        ? r.onTimeRate
        : measure === "online_rate"
          ? r.onlineRate
          : measure === "post_rate"
            ? r.postRate
            : measure === "feedback_on_time_rate"
              ? r.feedbackOnTimeRate
              : measure === "satisfaction_rate"
                ? r.satisfactionRate
                : measure === "overdue_count"
                  ? f.resolvedOverdue
                  : null;
  }
  if (value === null) return { value: null, met: null };
  return { value, met: measure === "overdue_count" ? value <= target : value >= target };
}

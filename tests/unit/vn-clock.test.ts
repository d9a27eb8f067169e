import { describe, expect, it } from "vitest";
import { formatDateTime, vnDay } from "~/lib/time";

// The wall clock in Vietnam is worked out as UTC+7 from 1976 on (app/lib/time.ts): it must say what the time-zone
// database says, on every kind of instant, and keep the database's answer before (UTC+8 in the South until 1975).
const zone = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
function fromZone(t: number) {
  const p = Object.fromEntries(zone.formatToParts(t).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, dateTime: `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` };
}

describe("the wall clock in Vietnam", () => {
  it("agrees with the time-zone database from 1976 to 2100, around every midnight and at random", () => {
    const instants: number[] = [];
    for (let day = Date.UTC(1976, 0, 1); day < Date.UTC(2100, 0, 1); day += 86_400_000 * 37) {
      // 17:00 UTC is midnight in Vietnam: one minute either side
      instants.push(day + 17 * 3_600_000 - 60_000, day + 17 * 3_600_000, day + 17 * 3_600_000 + 60_000);
    }
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      instants.push(Date.UTC(1976, 0, 1) + Math.floor((seed / 2 ** 31) * (Date.UTC(2100, 0, 1) - Date.UTC(1976, 0, 1))));
    }
    for (const t of instants) {
      const want = fromZone(t);
      expect({ day: vnDay(t), dateTime: formatDateTime(new Date(t)) }).toEqual(want);
    }
  });

  it("keeps the database's answer before 1976", () => {
    const t = Date.UTC(1970, 0, 1, 16, 30); // 00:30 on 2 January in Saigon (UTC+8), 23:30 on the 1st at UTC+7
    expect(vnDay(t)).toBe(fromZone(t).day);
    expect(formatDateTime(t)).toBe(fromZone(t).dateTime);
  });
});

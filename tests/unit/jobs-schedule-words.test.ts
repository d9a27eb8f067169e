import { describe, expect, it } from "vitest";
import { describeSchedule, nextFire } from "#jobs/overview.server";
import { JOBS } from "#jobs/schedule";
import { jobLabel, makeT } from "~/i18n";

// Issue 18 item 5: the jobs page read raw cron strings and had an empty "next run" column.
describe("scheduled jobs in words", () => {
  const vi = makeT("vi");
  const en = makeT("en");

  it("every job has a name, a description and a schedule in both languages", () => {
    for (const j of JOBS) {
      for (const t of [vi, en]) {
        expect(jobLabel(t, j.name)).not.toBe(j.name);
        expect(t(`jobs.description.${j.name}`)).not.toContain("jobs.");
        const s = describeSchedule(j.cron);
        expect(s.key, j.name).not.toBe("jobs.schedule.other");
        expect(t(s.key, s.params)).not.toMatch(/\*|\{/);
      }
    }
  });

  it("reads the schedules as people say them", () => {
    const say = (cron: string, t = vi) => {
      const s = describeSchedule(cron);
      return t(s.key, s.params);
    };
    expect(say("0 2 * * *")).toBe("Hằng ngày lúc 02:00 (giờ Việt Nam)");
    expect(say("0 1 1 * *")).toBe("Ngày 1 hằng tháng lúc 01:00 (giờ Việt Nam)");
    expect(say("0 1 1 1,4,7,10 *", en)).toBe("On day 1 of months 1, 4, 7, 10 at 01:00 (Vietnam time)");
    expect(say("0 1 1 1 *")).toBe("Ngày 1/1 hằng năm lúc 01:00 (giờ Việt Nam)");
  });

  it("the next run is on Vietnam's clock, after the app's now", () => {
    const now = new Date("2026-11-25T02:00:00Z"); // 09:00 in Vietnam
    expect(nextFire("0 2 * * *", now)?.toISOString()).toBe("2026-11-25T19:00:00.000Z"); // 02:00 on the 26th
    expect(nextFire("0 7 * * *", now)?.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(nextFire("0 1 1 * *", now)?.toISOString()).toBe("2026-11-30T18:00:00.000Z"); // 01:00 on 1 December
    expect(nextFire("0 1 1 1,4,7,10 *", now)?.toISOString()).toBe("2026-12-31T18:00:00.000Z");
    expect(nextFire("0 1 1 1 *", now)?.toISOString()).toBe("2026-12-31T18:00:00.000Z");
  });
});

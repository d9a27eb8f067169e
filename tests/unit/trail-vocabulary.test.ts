import { describe, expect, it } from "vitest";
import { actionLabel, makeT } from "~/i18n";
import { LEGACY_TRAIL_ACTIONS, TRAIL_ACTIONS } from "~/modules/trail/vocabulary";

describe("trail vocabulary", () => {
  it("names every action in one style and gives it a label in both languages", () => {
    for (const a of TRAIL_ACTIONS) {
      expect(a, a).toMatch(/^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)?$/);
      for (const lang of ["vi", "en"] as const) expect(actionLabel(makeT(lang), a), `${lang} ${a}`).not.toBe(a);
    }
  });

  it("reads rows written under an old name with the current label", () => {
    const t = makeT("vi");
    for (const [old, current] of Object.entries(LEGACY_TRAIL_ACTIONS)) expect(actionLabel(t, old)).toBe(actionLabel(t, current));
  });
});

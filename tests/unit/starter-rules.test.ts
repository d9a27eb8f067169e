import { describe, expect, it } from "vitest";
import { mergeProposals, proposeStartingSystem, SYSTEM_PROCESSES, type CatalogueProcedure, type KeptDocument } from "~/modules/starter/rules";

const proc = (id: number, field: string, name = `Thủ tục số ${id}`, processingTime: string | null = null): CatalogueProcedure => ({
  id,
  code: `1.00${id}`,
  name,
  field,
  processingTime,
});

const CATALOGUE = [
  proc(1, "Hộ tịch", "Thủ tục đăng ký khai sinh", "Ngay trong ngày"),
  proc(2, "Hộ tịch", "Thủ tục đăng ký kết hôn"),
  proc(3, "Chứng thực", "Thủ tục chứng thực bản sao từ bản chính"),
  proc(4, "Đất đai"),
  proc(5, "Hộ tịch", "Thủ tục đăng ký khai tử"),
];

describe("the proposals of a starting system", () => {
  it("a unit with nothing gets every system process, then one process per field of its catalogue, fields in Vietnamese order", () => {
    const p = proposeStartingSystem(CATALOGUE, []);
    expect(p.map((x) => x.key)).toEqual([...SYSTEM_PROCESSES.map((s) => `sys:${s.key}`), "field:Chứng thực", "field:Đất đai", "field:Hộ tịch"]);
    const hoTich = p.find((x) => x.key === "field:Hộ tịch")!;
    expect(hoTich.procedures.map((x) => x.id)).toEqual([1, 2, 5]);
    expect(hoTich.title).toBe("Quy trình giải quyết thủ tục hành chính lĩnh vực Hộ tịch");
    expect(hoTich).toMatchObject({ kind: "process", clauseCodes: ["8.2", "8.5"], owner: "Công chức phụ trách lĩnh vực Hộ tịch" });
    // One procedure: the process is named after it.
    expect(p.find((x) => x.key === "field:Chứng thực")!.title).toBe("Quy trình chứng thực bản sao từ bản chính");
    // Policy and objectives are documents of their own kind; the others are processes of their clause.
    expect(p.find((x) => x.system === "policy")).toMatchObject({ kind: "policy", code: "CSCL", clauseCodes: ["5.2"], procedures: [] });
    expect(p.find((x) => x.system === "internalAudit")).toMatchObject({ kind: "process", clauseCodes: ["9.2"], title: "Quy trình đánh giá nội bộ" });
  });

  it("procedures a managed process already lists (in force or draft) get nothing; a field left empty disappears", () => {
    const docs: KeptDocument[] = [
      { code: "QT 03/LH", kind: "process", clauseCodes: ["8.5"], procedureIds: [3] },
      { code: "QT 07/LH", kind: "process", clauseCodes: [], procedureIds: [1, 2] },
    ];
    const p = proposeStartingSystem(CATALOGUE, docs);
    expect(p.some((x) => x.key === "field:Chứng thực")).toBe(false);
    expect(p.find((x) => x.key === "field:Hộ tịch")!.procedures.map((x) => x.id)).toEqual([5]);
    // A form or manual listing a procedure does not cover it (only processes do).
    const notAProcess = proposeStartingSystem(CATALOGUE, [{ code: "BM 01", kind: "form", clauseCodes: [], procedureIds: [3] }]);
    expect(notAProcess.some((x) => x.key === "field:Chứng thực")).toBe(true);
  });

  it("a system process is proposed only when the unit has no document of its kind or clause (sub-clauses count)", () => {
    const docs: KeptDocument[] = [
      { code: "QT 01", kind: "process", clauseCodes: ["7.5.3"], procedureIds: [] },
      { code: "QT 02", kind: "process", clauseCodes: ["9.2"], procedureIds: [] },
      { code: "CS", kind: "policy", clauseCodes: [], procedureIds: [] },
      { code: "QT 09", kind: "process", clauseCodes: ["8.7"], procedureIds: [] },
    ];
    const keys = proposeStartingSystem([], docs).map((x) => x.system);
    // 8.7 alone is not the nonconformity process (10.2 is its clause).
    expect(keys).toEqual(["nonconformity", "managementReview", "objectives"]);
  });

  it("codes continue the unit's numbering and never take a code in use", () => {
    const docs: KeptDocument[] = [
      { code: "QT 25/LH", kind: "process", clauseCodes: ["8.5"], procedureIds: [] },
      { code: "QT-07", kind: "process", clauseCodes: ["8.5"], procedureIds: [] },
      { code: "QT 27", kind: "form", clauseCodes: [], procedureIds: [] },
      { code: "CSCL", kind: "form", clauseCodes: [], procedureIds: [] },
    ];
    const p = proposeStartingSystem(CATALOGUE, docs);
    expect(p.map((x) => x.code)).toEqual(["QT 28", "QT 29", "QT 30", "QT 31", "CSCL-2", "MTCL", "QT 32", "QT 33", "QT 34"]);
  });

  it("merging joins the procedures of the chosen proposals in the first one's place, with its code and a title naming the fields", () => {
    const p = proposeStartingSystem(CATALOGUE, []);
    const merged = mergeProposals(p, ["field:Hộ tịch", "field:Chứng thực", "sys:policy"]);
    expect(merged).toHaveLength(p.length - 1);
    const m = merged.find((x) => x.key === "field:Chứng thực+field:Hộ tịch")!;
    expect(merged.indexOf(m)).toBe(p.findIndex((x) => x.key === "field:Chứng thực"));
    expect(m.code).toBe(p.find((x) => x.key === "field:Chứng thực")!.code);
    expect(m.procedures.map((x) => x.id)).toEqual([3, 1, 2, 5]);
    expect(m.title).toBe("Quy trình giải quyết thủ tục hành chính lĩnh vực Chứng thực, Hộ tịch");
    expect(m.owner).toBe("Công chức phụ trách lĩnh vực Chứng thực, Hộ tịch");
    // The system process named among them stays as it was.
    expect(merged.find((x) => x.key === "sys:policy")).toEqual(p.find((x) => x.key === "sys:policy"));
  });

  it("merging fewer than two procedure proposals changes nothing", () => {
    const p = proposeStartingSystem(CATALOGUE, []);
    expect(mergeProposals(p, ["field:Hộ tịch"])).toBe(p);
    expect(mergeProposals(p, ["field:Hộ tịch", "sys:documents"])).toBe(p);
  });
});

import type { DocumentKind } from "#db/schema/enums";

/*
 * A starting system for a unit (TT 26/2014 Art. 41(6), QĐ 19): the processes it needs, proposed from its
 * catalogue of administrative procedures and from the documents it already keeps. Pure: the browser merges
 * proposals with the same functions the server checks them with. No server module may be imported here.
 */

/** The processes every unit's system keeps, whatever its procedures (TCVN ISO 9001:2015 clauses 5.2, 6.2, 7.5, 9.2, 9.3, 10.2). */
export const SYSTEM_PROCESSES = [
  { key: "documents", kind: "process", clauseCodes: ["7.5"], title: "Quy trình kiểm soát thông tin dạng văn bản" },
  { key: "internalAudit", kind: "process", clauseCodes: ["9.2"], title: "Quy trình đánh giá nội bộ" },
  { key: "nonconformity", kind: "process", clauseCodes: ["10.2", "8.7"], title: "Quy trình kiểm soát sự không phù hợp và hành động khắc phục" },
  { key: "managementReview", kind: "process", clauseCodes: ["9.3"], title: "Quy trình xem xét của lãnh đạo" },
  { key: "policy", kind: "policy", clauseCodes: ["5.2"], title: "Chính sách chất lượng" },
  { key: "objectives", kind: "objectives", clauseCodes: ["6.2"], title: "Mục tiêu chất lượng" },
] as const satisfies readonly { key: string; kind: DocumentKind; clauseCodes: readonly string[]; title: string }[];
export type SystemKey = (typeof SYSTEM_PROCESSES)[number]["key"];
export const SYSTEM_KEYS = SYSTEM_PROCESSES.map((s) => s.key) as [SystemKey, ...SystemKey[]];

/** Clauses of a process for administrative procedures: requirements for services (8.2) and their provision (8.5). */
export const PROCEDURE_PROCESS_CLAUSES = ["8.2", "8.5"];

/** Who keeps a system document, and a procedures process (the officer changes it on the document afterwards). */
export const SYSTEM_OWNER = "Thư ký ISO";
export const PROCEDURE_OWNER_PREFIX = "Công chức phụ trách lĩnh vực ";

export type CatalogueProcedure = { id: number; code: string; name: string; field: string; processingTime: string | null };
/** A document of the unit still managed (draft or in force): what it covers already. */
export type KeptDocument = { code: string; kind: DocumentKind; clauseCodes: string[]; procedureIds: number[] };

export type Proposal = {
  /** "sys:<key>" or "field:<field>" (merged: the keys joined with "+"). */
  key: string;
  system?: SystemKey;
  kind: DocumentKind;
  code: string;
  title: string;
  owner: string;
  clauseCodes: string[];
  /** The procedures the process covers (their catalogue order), with the fields they come from. */
  procedures: CatalogueProcedure[];
  fields: string[];
};

const OTHER_FIELD = "Khác";
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** A clause and its sub-clauses: "7.5" is kept by a document linked to 7.5 or 7.5.3. */
const underClause = (code: string, clause: string) => code === clause || code.startsWith(`${clause}.`);

/** The unit already keeps this system process: a document of its kind (policy, objectives) or of its main clause. */
export function systemKept(key: SystemKey, docs: KeptDocument[]): boolean {
  const s = SYSTEM_PROCESSES.find((p) => p.key === key)!;
  return docs.some((d) => (s.kind !== "process" && d.kind === s.kind) || d.clauseCodes.some((c) => underClause(c, s.clauseCodes[0])));
}

/** Procedures no managed process document (draft or in force) lists yet. */
export function uncoveredProcedures(procedures: CatalogueProcedure[], docs: KeptDocument[]): CatalogueProcedure[] {
  const covered = new Set(docs.filter((d) => d.kind === "process").flatMap((d) => d.procedureIds));
  return procedures.filter((p) => !covered.has(p.id));
}

/** "Thủ tục đăng ký khai sinh" → "Quy trình đăng ký khai sinh". */
function singleTitle(name: string): string {
  return cut(`Quy trình ${name.replace(/^thủ tục\s+/iu, "")}`, 300);
}

/** The title and owner of a process for these procedures (one: its name; several: their fields). */
export function procedureProcessWords(procedures: CatalogueProcedure[], fields: string[]): { title: string; owner: string } {
  return {
    title: procedures.length === 1 ? singleTitle(procedures[0]!.name) : cut(`Quy trình giải quyết thủ tục hành chính lĩnh vực ${fields.join(", ")}`, 300),
    owner: cut(`${PROCEDURE_OWNER_PREFIX}${fields.join(", ")}`, 200),
  };
}

/** "QT 07", "QT-12/LH", "qt.3" → 7, 12, 3: the numbers a unit's process codes already use. */
function processNumber(code: string): number | undefined {
  const m = /^QT\s*[-.]?\s*0*(\d{1,4})(?!\d)/iu.exec(code.trim());
  return m ? Number(m[1]) : undefined;
}

/** Codes for new documents: "QT NN" after the highest number in use, "CSCL"/"MTCL" for policy and objectives. */
function codeMaker(existing: string[]) {
  const taken = new Set(existing.map((c) => c.toUpperCase()));
  let n = Math.max(0, ...existing.map(processNumber).filter((x): x is number => x !== undefined));
  const free = (base: string) => {
    let code = base;
    for (let i = 2; taken.has(code.toUpperCase()); i++) code = `${base}-${i}`;
    taken.add(code.toUpperCase());
    return code;
  };
  return (kind: DocumentKind) => {
    if (kind === "policy") return free("CSCL");
    if (kind === "objectives") return free("MTCL");
    let code: string;
    do code = `QT ${String(++n).padStart(2, "0")}`;
    while (taken.has(code.toUpperCase()));
    taken.add(code.toUpperCase());
    return code;
  };
}

/**
 * The proposals for a unit: first the system processes it does not keep yet, then one process per field (lĩnh
 * vực) of the catalogue for the procedures that no managed process covers (TT 26 Art. 41(6): similar procedures
 * may share one process; the officer merges or drops proposals before accepting them).
 */
export function proposeStartingSystem(procedures: CatalogueProcedure[], docs: KeptDocument[]): Proposal[] {
  const nextCode = codeMaker(docs.map((d) => d.code));
  const out: Proposal[] = [];
  for (const s of SYSTEM_PROCESSES) {
    if (systemKept(s.key, docs)) continue;
    out.push({
      key: `sys:${s.key}`,
      system: s.key,
      kind: s.kind,
      code: nextCode(s.kind),
      title: s.title,
      owner: SYSTEM_OWNER,
      clauseCodes: [...s.clauseCodes],
      procedures: [],
      fields: [],
    });
  }
  const byField = new Map<string, CatalogueProcedure[]>();
  for (const p of uncoveredProcedures(procedures, docs)) {
    const field = p.field.trim() || OTHER_FIELD;
    byField.set(field, [...(byField.get(field) ?? []), p]);
  }
  for (const field of [...byField.keys()].sort((a, b) => a.localeCompare(b, "vi"))) {
    const list = byField.get(field)!.sort((a, b) => a.code.localeCompare(b.code));
    out.push({
      key: `field:${field}`,
      kind: "process",
      code: nextCode("process"),
      ...procedureProcessWords(list, [field]),
      clauseCodes: [...PROCEDURE_PROCESS_CLAUSES],
      procedures: list,
      fields: [field],
    });
  }
  return out;
}

/**
 * Merge the proposals named by `keys` into one process, in the place (and with the code) of the first of them.
 * Only processes for procedures merge: a system process stays on its own (its keys are ignored). Fewer than two
 * mergeable proposals: nothing changes.
 */
export function mergeProposals(proposals: Proposal[], keys: string[]): Proposal[] {
  const chosen = proposals.filter((p) => keys.includes(p.key) && !p.system && p.procedures.length > 0);
  if (chosen.length < 2) return proposals;
  const first = chosen[0]!;
  const procedures = chosen.flatMap((p) => p.procedures);
  const fields = [...new Set(chosen.flatMap((p) => p.fields))];
  const merged: Proposal = {
    ...first,
    key: chosen.map((p) => p.key).join("+"),
    ...procedureProcessWords(procedures, fields),
    procedures,
    fields,
  };
  return proposals.flatMap((p) => (p === first ? [merged] : chosen.includes(p) ? [] : [p]));
}

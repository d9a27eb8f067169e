import { config } from "~/lib/config.server";
import { InvalidInputError } from "~/lib/errors";
import { renderProcessDocx } from "#templates/process-docx";
import type { Ctx } from "../context";
import { insertNewDocument } from "../documents/create-document.server";
import { checkRegister, unitForNewRecord } from "../documents/register.server";
import { storeBytes, type StoredFile } from "../files/store.server";
import { writeOnce } from "../form-once.server";
import { requireCapability } from "../permissions";
import { recordTrail } from "../trail/record.server";
import type { Reader } from "../tx.server";
import { startingState } from "./proposals.server";
import {
  PROCEDURE_PROCESS_CLAUSES,
  procedureProcessWords,
  SYSTEM_OWNER,
  SYSTEM_PROCESSES,
  systemKept,
  uncoveredProcedures,
  type CatalogueProcedure,
  type SystemKey,
} from "./rules";
import type { StartInput } from "./schema";
import { templateData } from "./template-data.server";

/** An accepted proposal, checked: the document it becomes. */
type Plan = {
  code: string;
  title: string;
  kind: "process" | "policy" | "objectives";
  owner: string;
  clauseCodes: string[];
  system?: SystemKey;
  procedures: CatalogueProcedure[];
};

export const STARTER_CHANGE_SUMMARY = "Dự thảo lần đầu theo mẫu (Nghị định 30/2020/NĐ-CP), đề xuất khi khởi tạo hệ thống";

/**
 * Check the accepted proposals against the unit as it stands: a system process it does not keep yet, procedures of
 * its catalogue that no managed process covers and no other accepted proposal takes, codes free in the unit and in
 * the submission. Errors are keyed by the form's field names (items[i].code…), so each appears beside its field.
 */
function plan(db: Reader, unitId: number, items: StartInput["items"]): { plans: Plan[]; errors: Record<string, string[]> } {
  const state = startingState(db, unitId);
  const open = new Map(uncoveredProcedures(state.procedures, state.docs).map((p) => [p.id, p]));
  const taken = new Set(state.docs.map((d) => d.code.toUpperCase()));
  const errors: Record<string, string[]> = {};
  const add = (i: number, field: string, key: string) => (errors[`items[${i}].${field}`] ??= []).push(key);
  const seenCodes = new Set<string>();
  const seenSystems = new Set<string>();
  const seenProcedures = new Set<number>();
  const plans: Plan[] = [];
  items.forEach((item, i) => {
    if (!item.accept) return;
    const code = item.code.toUpperCase();
    if (taken.has(code)) add(i, "code", "documents.errors.codeTaken");
    else if (seenCodes.has(code)) add(i, "code", "starter.errors.codeTwice");
    seenCodes.add(code);
    if (item.system) {
      const s = SYSTEM_PROCESSES.find((p) => p.key === item.system)!;
      if (systemKept(s.key, state.docs) || seenSystems.has(s.key)) add(i, "procedureIds", "starter.errors.systemKept");
      seenSystems.add(s.key);
      plans.push({ code: item.code, title: item.title, kind: s.kind, owner: SYSTEM_OWNER, clauseCodes: [...s.clauseCodes], system: s.key, procedures: [] });
      return;
    }
    const list: CatalogueProcedure[] = [];
    for (const id of new Set(item.procedureIds)) {
      const p = open.get(id);
      if (!p || seenProcedures.has(id)) {
        add(i, "procedureIds", p ? "starter.errors.procedureTwice" : "starter.errors.procedureCovered");
        break;
      }
      seenProcedures.add(id);
      list.push(p);
    }
    const fields = [...new Set(list.map((p) => p.field.trim() || "Khác"))];
    plans.push({
      code: item.code,
      title: item.title,
      kind: "process",
      owner: procedureProcessWords(list, fields).owner,
      clauseCodes: [...PROCEDURE_PROCESS_CLAUSES],
      procedures: list,
    });
  });
  return { plans, errors };
}

/**
 * Accept a unit's starting system: each accepted proposal becomes a draft document (code, title, kind, clauses,
 * procedures) whose first draft revision carries its Word template, all in one transaction with a trail row per
 * document and one for the whole. The templates are made and stored before the transaction (same bytes, same
 * blob); if anything changed meanwhile (a code taken, a procedure covered), nothing is recorded.
 */
export async function acceptStartingSystem(ctx: Ctx, input: StartInput) {
  requireCapability(ctx.actor, "documents.draft");
  const unit = unitForNewRecord(ctx, input.unitId);
  const first = plan(ctx.db, unit.id, input.items);
  if (Object.keys(first.errors).length) throw new InvalidInputError("errors.invalid", {}, first.errors);
  if (!first.plans.length) throw new InvalidInputError("starter.errors.none");
  const c = config();
  const stored = new Map<string, StoredFile>();
  for (const p of first.plans) {
    const bytes = await renderProcessDocx(templateData(ctx.db, unit, p));
    stored.set(
      p.code,
      await storeBytes(c.uploadsDir, bytes, `${`${p.code.replace(/[/\\]/g, "-")} - ${p.title}`.slice(0, 180)}.docx`, {
        field: "file",
        kinds: ["docx"],
        maxBytes: c.uploadMaxBytes,
      }),
    );
  }
  return writeOnce(ctx, (tx) => {
    const again = plan(tx, unit.id, input.items);
    if (Object.keys(again.errors).length) throw new InvalidInputError("starter.errors.changed", {}, again.errors);
    const created: { id: number; code: string }[] = [];
    for (const p of again.plans) {
      const links = checkRegister(tx, unit.id, {
        unitId: unit.id,
        code: p.code,
        title: p.title,
        kind: p.kind,
        owner: p.owner,
        reviewCycleMonths: 12,
        clauseCodes: p.clauseCodes,
        procedureIds: p.procedures.map((x) => x.id),
      });
      const s = stored.get(p.code)!;
      const { doc, rev } = insertNewDocument(tx, ctx, unit.id, { ...p, links }, s, { changeSummary: STARTER_CHANGE_SUMMARY });
      recordTrail(tx, ctx, {
        entity: "document",
        entityId: doc.id,
        action: "create",
        unitId: unit.id,
        after: { ...doc, ...links, revision: { number: 1, status: rev.status, changeSummary: rev.changeSummary, file: s.originalName, sha256: s.sha256 } },
      });
      created.push({ id: doc.id, code: doc.code });
    }
    recordTrail(tx, ctx, {
      entity: "starting_system",
      entityId: unit.id,
      action: "create",
      unitId: unit.id,
      after: { created: created.length, skipped: input.items.length - again.plans.length },
    });
    return { created: created.length, unitId: unit.id };
  });
}

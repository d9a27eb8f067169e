import { z } from "zod";
import { SYSTEM_KEYS } from "./rules";

// Client-safe: the starting-system form, shared by the browser (conform) and the server.

const CODE = /^[\p{L}\p{N} ./_-]+$/u;

/** One proposal as the officer leaves it: accepted or not, its code and title, what it is (a system process or procedures). */
export const StartItemSchema = z
  .object({
    accept: z.literal("on").optional(),
    system: z.enum(SYSTEM_KEYS).optional(),
    procedureIds: z.array(z.coerce.number().int().positive()).max(1000).default([]),
    code: z.string().trim().max(40, { message: "errors.tooLong" }).default(""),
    title: z.string().trim().max(300, { message: "errors.tooLong" }).default(""),
  })
  .superRefine((item, ctx) => {
    if (!item.accept) return;
    if (!item.code) ctx.addIssue({ code: "custom", path: ["code"], message: "errors.required" });
    else if (!CODE.test(item.code)) ctx.addIssue({ code: "custom", path: ["code"], message: "documents.errors.code" });
    if (item.title.length < 3) ctx.addIssue({ code: "custom", path: ["title"], message: item.title ? "starter.errors.titleShort" : "errors.required" });
    if (!item.system && item.procedureIds.length === 0) ctx.addIssue({ code: "custom", path: ["procedureIds"], message: "starter.errors.empty" });
  });

export const StartSchema = z
  .object({
    unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
    items: z.array(StartItemSchema).max(300).default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.items.some((i) => i.accept)) ctx.addIssue({ code: "custom", path: [], message: "starter.errors.none" });
  });
export type StartInput = z.infer<typeof StartSchema>;

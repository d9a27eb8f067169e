import { z } from "zod";
import { ROLES } from "#db/schema/enums";

const password = z.string({ message: "errors.required" }).min(8, { message: "people.errors.passwordShort" }).max(200, { message: "errors.tooLong" });

export const UserSchema = z.object({
  username: z
    .string({ message: "errors.required" })
    .trim()
    .toLowerCase()
    .min(3, { message: "people.errors.username" })
    .max(40, { message: "errors.tooLong" })
    .regex(/^[a-z0-9._-]+$/, { message: "people.errors.username" }),
  fullName: z.string({ message: "errors.required" }).trim().min(2, { message: "errors.required" }).max(120, { message: "errors.tooLong" }),
  title: z.string().trim().max(120, { message: "errors.tooLong" }).optional(),
  email: z.email({ message: "errors.email" }).max(200).optional(),
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  role: z.enum(ROLES, { message: "errors.choose" }),
});

export const CreateUserSchema = UserSchema.extend({ password });
export const ResetPasswordSchema = z.object({ password });

export const LoginSchema = z.object({
  username: z.string({ message: "errors.required" }).trim().toLowerCase().min(1, { message: "errors.required" }).max(100, { message: "errors.tooLong" }),
  password: z.string({ message: "errors.required" }).min(1, { message: "errors.required" }).max(200, { message: "errors.tooLong" }),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ message: "errors.required" }).min(1, { message: "errors.required" }),
    newPassword: password,
    confirmPassword: z.string({ message: "errors.required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "people.errors.passwordMismatch" });

export type UserInput = z.infer<typeof UserSchema>;

/** Step 1 of importing a unit's accounts: the unit and the spreadsheet (name, title, role, email; username optional). */
export const PeopleImportUploadSchema = z.object({
  intent: z.literal("preview"),
  unitId: z.coerce.number({ message: "errors.choose" }).int().positive({ message: "errors.choose" }),
  sheet: z
    .instanceof(File, { message: "files.errors.empty" })
    .refine((f) => f.size > 0, { message: "files.errors.empty" })
    .refine((f) => f.size <= 2 * 1024 * 1024, { message: "files.errors.tooLarge" }),
});

/** Step 2: the previewed valid rows, sent back as JSON and validated again. */
export const PeopleImportConfirmSchema = z.object({
  intent: z.literal("confirm"),
  unitId: z.coerce.number().int().positive(),
  rows: z.string().max(200_000),
});

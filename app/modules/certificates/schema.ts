import { z } from "zod";

// Client-safe: the upload form of a unit's certificate (PKCS#12 file + its passphrase).

/** A PKCS#12 file is a few kilobytes; 256 KB leaves room for long chains and refuses anything else early. */
export const PKCS12_MAX_BYTES = 256 * 1024;

export const certificateUploadSchema = z.object({
  file: z
    .instanceof(File, { message: "certificates.errors.fileRequired" })
    .refine((f) => f.size > 0, { message: "certificates.errors.fileRequired" })
    .refine((f) => f.size <= PKCS12_MAX_BYTES, { message: "certificates.errors.fileTooLarge" }),
  // A passphrase is not trimmed: its spaces are part of it. Empty is allowed (some files have none).
  passphrase: z.string().max(200, { message: "errors.tooLong" }).default(""),
});
export type CertificateUploadInput = z.output<typeof certificateUploadSchema>;

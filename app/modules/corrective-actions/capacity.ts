// Signing capacities (Decree 30/2020, DOMAIN.md §9): pure rules, read by the signing page and the verb alike.
import type { SignCapacity } from "#db/schema/enums";

/**
 * Where a signer stands: the head of the unit, one of its deputies, staff signing by delegation, or unknown (an
 * account without a title: it signs in its own name only, until an administrator records the post).
 */
export type SignerStanding = "head" | "deputy" | "staff" | "unknown";

/** From the account's title ("Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Chánh Văn phòng"…). */
export function standingOf(title: string | null | undefined): SignerStanding {
  const t = (title ?? "").trim();
  if (!t) return "unknown";
  if (/^phó\s/iu.test(t)) return "deputy";
  if (/^(chủ tịch|giám đốc|chi cục trưởng|thủ trưởng|trưởng ban)\b/iu.test(t)) return "head";
  return "staff";
}

/**
 * The capacities a signer may use: the head signs in their own title or TM. (for the committee) and never KT.;
 * a deputy signs KT. (for the head); anyone else signs TL. or TUQ. (by order, by delegation).
 */
export function capacitiesFor(standing: SignerStanding): SignCapacity[] {
  if (standing === "head") return ["own", "tm"];
  if (standing === "deputy") return ["kt"];
  if (standing === "unknown") return ["own"];
  return ["tl", "tuq"];
}

/** "Phó Chủ tịch UBND xã" → "Phó Chủ tịch": the title as printed under a capacity line. */
export function bareTitle(title: string | null | undefined): string {
  const t = (title ?? "").replace(/\s+(UBND|Ủy ban nhân dân)\b.*$/u, "").trim();
  return t || "Lãnh đạo";
}

/**
 * The signature block in Decree 30 order: the capacity line (if any), the title, the name. For a commune's
 * People's Committee: "TM. Ủy ban nhân dân / Chủ tịch / name", "KT. Chủ tịch / Phó Chủ tịch / name".
 */
export function signatureBlock(capacity: SignCapacity, signerTitle: string | null | undefined): { capacity?: string; title: string } {
  const title = bareTitle(signerTitle);
  if (capacity === "tm") return { capacity: "TM. Ủy ban nhân dân", title };
  if (capacity === "kt") return { capacity: "KT. Chủ tịch", title };
  if (capacity === "tl") return { capacity: "TL. Chủ tịch", title };
  if (capacity === "tuq") return { capacity: "TUQ. Chủ tịch", title };
  return { title };
}

/** The block on one line, capacity first, then title, then name ("KT. Chủ tịch – Phó Chủ tịch – Huỳnh Thanh Tâm"). */
export function signatureLine(capacity: SignCapacity, signerTitle: string | null | undefined, name: string): string {
  const b = signatureBlock(capacity, signerTitle);
  return [b.capacity, b.title, name].filter(Boolean).join(" – ");
}

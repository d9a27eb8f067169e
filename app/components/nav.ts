import type { Role } from "#db/schema";

/**
 * The navigation, as data. Each area adds its entry here when it lands; `roles` limits who sees it
 * (absent = everyone signed in). Hiding a link is convenience only: every route checks permission itself.
 */
export type NavItem = { to: string; label: string; roles?: Role[]; end?: boolean };

export const NAV: NavItem[] = [
  { to: "/", label: "nav.home", end: true },
  { to: "/units", label: "nav.units" },
  { to: "/audits", label: "nav.audits" },
  { to: "/inspections", label: "nav.inspections" },
  { to: "/findings", label: "nav.findings" },
  { to: "/qms", label: "nav.qms" },
  { to: "/admin/users", label: "nav.users", roles: ["admin"] },
  { to: "/admin/trail", label: "nav.trail", roles: ["admin", "inspector"] },
  { to: "/admin/jobs", label: "nav.jobs", roles: ["admin"] },
];

export function navFor(role: Role | undefined): NavItem[] {
  if (!role) return [];
  return NAV.filter((n) => !n.roles || n.roles.includes(role));
}

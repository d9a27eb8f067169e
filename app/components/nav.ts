import type { Role } from "#db/schema";

/**
 * The navigation, as data. Each area adds its entry here when it lands; `roles` limits who sees it
 * (absent = everyone signed in). Hiding a link is convenience only: every route checks permission itself.
 */
export type NavItem = { to: string; label: string; roles?: Role[]; end?: boolean };

export const NAV: NavItem[] = [
  { to: "/", label: "nav.home", end: true },
  { to: "/inbox", label: "nav.inbox" },
  { to: "/search", label: "nav.search" },
  { to: "/compliance", label: "nav.compliance" },
  { to: "/documents", label: "nav.documents" },
  { to: "/procedures", label: "nav.procedures" },
  { to: "/audits", label: "nav.audits" },
  { to: "/inspections", label: "nav.inspections" },
  { to: "/findings", label: "nav.findings" },
  { to: "/corrective-actions", label: "nav.correctiveActions" },
  { to: "/qms", label: "nav.qms" },
  { to: "/figures", label: "nav.figures" },
  { to: "/objectives", label: "nav.objectives" },
  { to: "/reports", label: "nav.reports" },
  { to: "/units", label: "nav.units" },
  { to: "/admin/users", label: "nav.users", roles: ["admin"] },
  { to: "/admin/trail", label: "nav.trail", roles: ["admin", "inspector"] },
  { to: "/admin/jobs", label: "nav.jobs", roles: ["admin"] },
];

export function navFor(role: Role | undefined): NavItem[] {
  if (!role) return [];
  return NAV.filter((n) => !n.roles || n.roles.includes(role));
}

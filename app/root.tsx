import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { ErrorPage } from "~/components/error-page";
import { navFor } from "~/components/nav";
import type { Lang } from "~/i18n";
import { readFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { useNonce } from "~/components/nonce";
import { getLang } from "~/http/i18n.server";
import { getUser } from "~/http/session.server";
import { unreadCount } from "~/modules/notifications/queries.server";
import { endedUnitNotice } from "~/modules/units/queries.server";
import { makeCtx } from "~/modules/context.server";
import { getDb } from "~/http/db.server";
import { now } from "~/lib/clock.server";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, lang, { flash, setCookie }] = await Promise.all([getUser(request), getLang(request), readFlash(request)]);
  const ctx = user ? makeCtx(getDb(), user, now()) : undefined;
  return data(
    {
      lang,
      flash: flash ?? null,
      user: user ? { id: user.id, name: user.name, role: user.role, unitName: user.unitName, unitId: user.unitId } : null,
      unread: ctx ? unreadCount(ctx) : 0,
      unitEnded: ctx ? (endedUnitNotice(ctx) ?? null) : null,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang: Lang = data?.lang ?? "vi";
  const nonce = useNonce();
  // A route may be plain HTML (`handle = { hydrate: false }`: the public pages, read by anyone and often): no
  // script, no serialised data; its forms and links work as they would without JavaScript.
  const hydrate = !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const location = useLocation();
  // The menu is open for the page it was opened on: following a link closes it, without an effect.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const user = data?.user;
  const nav = navFor(user?.role);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <div className="brand">
          <a href="/" className="brand-name">
            {t("app.name")}
          </a>
          {user ? <span className="brand-unit">{user.unitName}</span> : <span className="brand-unit">{t("app.tagline")}</span>}
        </div>
        <div className="topbar-tools">
          <Form method="post" action="/lang" reloadDocument>
            <input type="hidden" name="lang" value={data?.lang === "en" ? "vi" : "en"} />
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <button type="submit" className="link-button" lang={data?.lang === "en" ? "vi" : "en"} aria-label={`${t("lang.label")}: ${t("lang.switch")}`}>
              {t("lang.switch")}
            </button>
          </Form>
          {user ? <NotificationBell unread={data?.unread ?? 0} /> : null}
          {user ? (
            <button
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
            >
              {t("nav.menu")}
            </button>
          ) : null}
        </div>
      </header>
      {user ? (
        <nav id="main-nav" className={`mainnav ${menuOpen ? "open" : ""}`} aria-label={t("nav.main")}>
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.end} prefetch="intent">
                  {t(n.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="nav-user">
            <NavLink to="/account">
              {user.name} · {t(`role.${user.role}`)}
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </Form>
          </div>
        </nav>
      ) : null}
      <main id="main" className="content">
        {data?.flash ? (
          <div className={`alert ${data.flash.kind === "error" ? "alert-error" : "alert-success"}`} role="status">
            {t(data.flash.key, data.flash.params)}
          </div>
        ) : null}
        {children}
      </main>
    </>
  );
}

/** Unread notifications, from the root loader (revalidated after every action, so it stays current). */
function NotificationBell({ unread }: { unread: number }) {
  const t = useT();
  return (
    <Link to="/notifications" className="bell" aria-label={t("notifications.bell", { count: unread })}>
      <svg
        aria-hidden="true"
        width="22"
        height="22"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <ErrorPage />
    </Shell>
  );
}

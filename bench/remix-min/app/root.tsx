import { Links, Meta, Outlet, Scripts } from "@remix-run/react";

// A document with the framework's own parts (meta, links, hydration scripts) and nothing else.
export default function App() {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}

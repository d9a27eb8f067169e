import { useRouteLoaderData } from "@remix-run/react";
import { makeT, type Lang, type T } from "~/i18n";

/** The current language, from the root loader (server and browser alike). */
export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? "vi";
}

export function useT(): T {
  return makeT(useLang());
}

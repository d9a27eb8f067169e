import { ErrorPage } from "~/components/error-page";

/** Anything unmatched is a 404 page in the app's shell (never Remix's bare default). */
export function loader() {
  throw new Response("errors.notFound", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = ErrorPage;

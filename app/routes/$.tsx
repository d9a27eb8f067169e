import { ErrorPage } from "~/components/error-page";
import { handle } from "~/http/edge.server";

/** Anything unmatched is a 404 page in the app's shell (never Remix's bare default). */
export const loader = handle(async () => {
  throw new Response("errors.notFound", { status: 404 });
});

export default function NotFound() {
  return null;
}

export const ErrorBoundary = ErrorPage;

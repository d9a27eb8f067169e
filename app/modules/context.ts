import type { DB } from "#db/client";
import type { Role } from "#db/schema";
import type { Scope } from "./units/scope.server";

export type UserActor = {
  kind: "user";
  id: number;
  name: string;
  username: string;
  role: Role;
  unitId: number;
  unitPath: string;
};
export type JobActor = { kind: "job"; name: string };
export type SystemActor = { kind: "system"; name: string };
export type Actor = UserActor | JobActor | SystemActor;

/**
 * What every domain verb and reader receives: the database, who acts, the clock (injectable for tests and jobs),
 * what the actor may read (computed once, on first use) and the calendar day in Vietnam at `now`.
 * Build one with `makeCtx` (context.server.ts); the edge keeps one per request.
 */
export type Ctx = {
  readonly db: DB;
  readonly actor: Actor;
  readonly now: Date;
  readonly scope: Scope;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh at `now`. */
  readonly today: string;
};

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.name : `${actor.kind}:${actor.name}`;
}

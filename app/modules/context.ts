import type { DB } from "#db/client";
import type { Role } from "#db/schema";

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

/** What every domain verb receives: the database, who acts, and the clock (injectable for tests and jobs). */
export type Ctx = { db: DB; actor: Actor; now: Date };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.name : `${actor.kind}:${actor.name}`;
}

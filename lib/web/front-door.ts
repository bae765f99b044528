import "server-only";
import { atTheDoor, type DoorDecision, type DoorRequest } from "@/lib/web/door";
import { refusedWithoutCredential } from "@/lib/web/door-auth";

/**
 * The one function every request meets before its handler (scripts/serve.ts, in production and under
 * `npm run dev` alike): the entry's method, content type and declared length (door.ts), then its auth kind
 * (door-auth.ts). Synchronous for a public entry: the launch-day paths pay for no promise here.
 */
export function frontDoor(request: DoorRequest & { cookie?: string }): DoorDecision | Promise<DoorDecision> {
  const decision = atTheDoor(request);
  if (decision.kind === "refuse" || !decision.entry) return decision;
  const { entry } = decision;
  if (entry.auth !== "staff" && entry.auth !== "citizen-session") return decision;
  return refusedWithoutCredential(entry, request.cookie).then((refusal) =>
    refusal ? { kind: "refuse", ...refusal } : decision,
  );
}

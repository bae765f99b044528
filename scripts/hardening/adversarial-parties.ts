import type { Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import type { TestProvider } from "@/lib/testing/api-client";
import type { AppServer } from "@/scripts/lib/app-server";
import { nextIp } from "./results";

// What the adversarial suites' parties do: signed API calls, citizen form posts, and a look at what is in force.

export const cli: Actor = { kind: "cli", label: "adversarial" };

/** The environment both suites' servers run with: caps small enough to reach, SMS never the limit. */
export const ADVERSARIAL_ENV = {
  STOPSMS_NUMBER_EVENTS_REVIEW_PER_DAY: "3",
  STOPSMS_SMS_PER_HOUR: "1000000",
  STOPSMS_UNVERIFIED_PER_NETWORK_PER_HOUR: "5",
};

export async function signed(server: AppServer, party: TestProvider, method: string, path: string, body?: unknown) {
  const url = `${server.url}/api/v1${path}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = await signRequest({ method, url, body: text, keyid: party.keyid, privateKey: party.privateKey });
  const response = await fetch(url, { method, headers: { ...headers, "x-forwarded-for": nextIp() }, body: text });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export const inForce = (phone: string) => db().opposition.count({ where: { phone, withdrawnAt: null } });

export function form(server: AppServer, path: string, fields: Record<string, string>, address = nextIp()) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

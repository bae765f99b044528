import { describe, expect, inject, it } from "vitest";
import { startAppServer } from "@/scripts/lib/app-server";
import { recordResult } from "./results";

// `npm run dev` runs the same server as `npm start` (scripts/serve.ts, with Next in dev mode): the front door
// and the fast paths answer the same bytes in both. Form tokens and the client-specific parts differ per
// answer by design, so they are blanked before comparing.
const PROD_PORT = 3262;
const DEV_PORT = 3263;

type Probe = { name: string; method: string; path: string; headers?: Record<string, string>; body?: string };
const PROBES: Probe[] = [
  { name: "landing, unknown code", method: "GET", path: "/Zz9Zz9Zz" },
  { name: "landing, HEAD", method: "HEAD", path: "/Zz9Zz9Zz" },
  { name: "stop submit, wrong method", method: "PUT", path: "/stop/submit" },
  {
    name: "stop submit, declared 20 KB",
    method: "POST",
    path: "/stop/submit",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "phone=" + "0".repeat(20_000),
  },
  {
    name: "stop submit, not a form",
    method: "POST",
    path: "/stop/submit",
    headers: { "content-type": "text/plain" },
    body: "hello",
  },
  {
    name: "stop submit, NUL byte",
    method: "POST",
    path: "/stop/submit",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: "phone=06%0012345678&scope=all&locale=fr",
  },
  { name: "metrics, no token", method: "GET", path: "/metrics" },
  { name: "lang, wrong method", method: "DELETE", path: "/lang" },
  { name: "staff page, no session", method: "GET", path: "/staff/audit" },
  { name: "staff export, no session", method: "GET", path: "/staff/export/complaints" },
  {
    name: "staff action, no session",
    method: "POST",
    path: "/staff/actions/provider-create",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "slug=x",
  },
  { name: "my data, no number session", method: "GET", path: "/number/data.json" },
];

const blank = (text: string) =>
  text.replace(/name="ft" value="[^"]*"/g, 'name="ft" value=""').replace(/[A-Za-z0-9_-]{40,}/g, "<token>");

async function answer(base: string, probe: Probe, address: string) {
  const response = await fetch(`${base}${probe.path}`, {
    method: probe.method,
    headers: { "x-forwarded-for": address, ...probe.headers },
    body: probe.body,
    redirect: "manual",
  });
  const headers = ["content-type", "allow", "content-security-policy", "cache-control", "location"].map(
    (name) => `${name}: ${response.headers.get(name) ?? "-"}`,
  );
  return { status: response.status, headers, body: blank(await response.text()) };
}

describe("npm run dev and npm start", () => {
  it("answer the same for the fast paths and the door's refusals", async () => {
    const production = await startAppServer(inject("databaseUrl"), PROD_PORT);
    const dev = await startAppServer(inject("databaseUrl"), DEV_PORT, {}, [], "dev");
    try {
      const figures: Record<string, string> = {};
      for (const [i, probe] of PROBES.entries()) {
        const address = `198.51.100.${i + 1}`;
        const inProduction = await answer(production.url, probe, address);
        const inDev = await answer(dev.url, probe, `198.51.100.${i + 101}`);
        expect(inDev, probe.name).toEqual(inProduction);
        figures[probe.name] = `${inProduction.status} in both`;
      }
      recordResult("npm run dev and npm start answer the same", figures);
    } finally {
      await Promise.all([production.stop(), dev.stop()]);
    }
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET as jwks } from "@/app/.well-known/stopsms-keys.json/route";
import { POST as ack } from "@/app/api/v1/suppressions/ack/route";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { GET as snapshotFile } from "@/app/api/v1/suppressions/snapshot/files/[name]/route";
import { GET as snapshotFiles } from "@/app/api/v1/suppressions/snapshot/files/route";
import { POST as keywords } from "@/app/api/v1/keywords/route";
import { POST as links } from "@/app/api/v1/links/route";
import { GET as senders } from "@/app/api/v1/senders/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

// The provider API's real route handlers on a loopback HTTP server, for clients under test (the gate) that
// speak HTTP: the same signatures, checks and database as in production, without building the app.
const ROUTES: [RegExp, string, Handler][] = [
  [/^\/\.well-known\/stopsms-keys\.json$/, "GET", jwks as Handler],
  [/^\/api\/v1\/senders$/, "GET", senders as Handler],
  [/^\/api\/v1\/suppressions\/snapshot\/files$/, "GET", snapshotFiles as Handler],
  [/^\/api\/v1\/suppressions\/snapshot\/files\/(?<name>[^/]+)$/, "GET", snapshotFile as Handler],
  [/^\/api\/v1\/suppressions\/changes$/, "GET", changes as Handler],
  [/^\/api\/v1\/suppressions\/ack$/, "POST", ack as Handler],
  [/^\/api\/v1\/links$/, "POST", links as Handler],
  [/^\/api\/v1\/keywords$/, "POST", keywords as Handler],
];

export interface PlatformServer {
  url: string;
  /** While true every request answers 503 (the platform unreachable). */
  down: boolean;
  requests: { method: string; path: string; userAgent: string | undefined }[];
  close(): Promise<void>;
}

export async function startPlatformServer(): Promise<PlatformServer> {
  const state: PlatformServer = { url: "", down: false, requests: [], close: async () => undefined };
  const server = http.createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", state.url);
    state.requests.push({
      method: incoming.method ?? "",
      path: url.pathname,
      userAgent: incoming.headers["user-agent"],
    });
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const route = ROUTES.find(([pattern, method]) => method === incoming.method && pattern.test(url.pathname));
    if (state.down || !route) {
      outgoing.writeHead(state.down ? 503 : 404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(url, {
      method: incoming.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const params = route[0].exec(url.pathname)?.groups ?? {};
    const response = await route[2](request, { params: Promise.resolve(params) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

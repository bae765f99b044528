import { describe, expect, it } from "vitest";
import { POST as check } from "@/app/api/v1/suppressions/check/route";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createApiProvider } from "@/lib/testing/api-client";
import { MAX_BULK_CALLS_PER_PROVIDER } from "./bulk-slots";

const URL_CHECK = "http://stopsms.test/api/v1/suppressions/check";
const MiB = 1024 * 1024;

/** A chunked body (no Content-Length) of `total` bytes, produced only as the server pulls it. */
function countingStream(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, state };
}

function chunkedRequest(headers: Record<string, string>, stream: ReadableStream<Uint8Array>) {
  return new Request(URL_CHECK, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
}

describe("request bodies are bounded and read only for a caller who can sign", () => {
  it("refuses an unsigned 250 MB chunked body without reading it", async () => {
    const { stream, state } = countingStream(250 * MiB);
    const response = await check(chunkedRequest({ "content-type": "application/json" }, stream));
    expect(response.status).toBe(401);
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024); // at most what the stream pre-buffers
  });

  it("refuses a body signed with an unknown key before reading it", async () => {
    const provider = await createApiProvider();
    const headers = await signRequest({
      method: "POST",
      url: URL_CHECK,
      body: "{}",
      keyid: "nobody-k9",
      privateKey: provider.privateKey,
    });
    const { stream, state } = countingStream(250 * MiB);
    const response = await check(chunkedRequest(headers, stream));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe("unknown-key");
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("stops reading a validly signed chunked body at the limit (413), not at its end", async () => {
    const provider = await createApiProvider();
    const headers = await signRequest({
      method: "POST",
      url: URL_CHECK,
      body: "{}",
      keyid: provider.keyid,
      privateKey: provider.privateKey,
    });
    const { stream, state } = countingStream(250 * MiB);
    const response = await check(chunkedRequest(headers, stream));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThan(13 * MiB);
  });

  it("lets a provider run at most its share of bulk calls at once (429 beyond)", async () => {
    const provider = await createApiProvider();
    const body = JSON.stringify({ sender: provider.senders[0]!.code, phones: ["0612345678"] });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // Bodies that arrive only when the gate opens, so that the calls overlap for sure.
    const slowBody = () =>
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          await gate;
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      });
    const calls: Promise<Response>[] = [];
    for (let i = 0; i < MAX_BULK_CALLS_PER_PROVIDER + 1; i++) {
      const headers = await signRequest({
        method: "POST",
        url: URL_CHECK,
        body,
        keyid: provider.keyid,
        privateKey: provider.privateKey,
      });
      calls.push(check(chunkedRequest(headers, slowBody())));
    }
    const refused = await calls.at(-1)!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    open();
    const served = await Promise.all(calls.slice(0, -1));
    expect(served.map((r) => r.status)).toEqual(Array(MAX_BULK_CALLS_PER_PROVIDER).fill(200));
    // The slots were given back: the next call is served.
    const headers = await signRequest({
      method: "POST",
      url: URL_CHECK,
      body,
      keyid: provider.keyid,
      privateKey: provider.privateKey,
    });
    expect((await check(new Request(URL_CHECK, { method: "POST", headers, body }))).status).toBe(200);
  });
});

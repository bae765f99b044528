import { problems } from "@/lib/problems";

/**
 * Reads a request body chunk by chunk and stops at `maxBytes`: a chunked upload declares no length, so
 * `arrayBuffer()` would hold the whole of it in memory before any check could refuse it.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw problems.tooLarge(`bodies are limited to ${maxBytes} bytes`);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw problems.tooLarge(`bodies are limited to ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

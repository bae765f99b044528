import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/(public)/verify-pack/route";

const post = async (body: ArrayBuffer, contentType: string) =>
  POST(
    new NextRequest("http://stopsms.test/verify-pack", {
      method: "POST",
      body,
      headers: { "content-type": contentType, "sec-fetch-site": "same-origin", "x-forwarded-for": "198.51.100.77" },
    }),
  );

describe("/verify-pack reads a dropped file", () => {
  it("with a browser's mixed-case multipart boundary, and says a file that is not a pack is not genuine", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEfGh12345678";
    const body = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="pack"; filename="pack.json"\r\nContent-Type: application/json\r\n\r\n{"a":1}\n\r\n--${boundary}--\r\n`,
    );
    const response = await post(body.buffer as ArrayBuffer, `multipart/form-data; boundary=${boundary}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Non authentique");
  });
});

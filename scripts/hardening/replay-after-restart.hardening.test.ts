import { generateKeyPairSync } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createProvider, createSender } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { recordResult } from "./results";

const PORT = 3240;

describe("the replay window survives a restart", () => {
  it("without REDIS_URL, a signed request replayed after the server restarted is still refused", async () => {
    const sender = await createSender();
    const provider = await createProvider([sender.id]);
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const keyid = `${provider.slug}-replay`;
    await db().providerKey.create({
      data: {
        keyid,
        providerId: provider.id,
        publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      },
    });
    let server = await startAppServer(inject("databaseUrl"), PORT, { REDIS_URL: "" });
    const url = `${server.url}/api/v1/senders`;
    const headers = await signRequest({ method: "GET", url, keyid, privateKey });
    try {
      expect((await fetch(url, { headers })).status).toBe(200);
      await server.stop();
      server = await startAppServer(inject("databaseUrl"), PORT, { REDIS_URL: "" });
      const replay = await fetch(url, { headers });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { code: string }).code).toBe("replayed");
      recordResult("replay after restart", {
        "signed request replayed after a restart (no Redis)": `${replay.status} replayed`,
      });
    } finally {
      await server.stop();
    }
  });
});

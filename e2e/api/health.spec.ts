import { expect, test } from "@playwright/test";
import { e2eDb } from "../support/db";

test("health reports the database up and migrations current", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "ok",
    database: "up",
    migrations: { current: true, pending: [] },
  });
  const { rows } = await e2eDb().query<{ n: string }>(
    `SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
  );
  expect(Number(rows[0]!.n)).toBeGreaterThan(0);
});

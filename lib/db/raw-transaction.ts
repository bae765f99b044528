import "server-only";
import type pg from "pg";
import { pool } from "./client";

/** Runs `work` in one transaction on a pooled connection, for the bulk paths that bypass Prisma. */
export async function rawTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

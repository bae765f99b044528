import { readFileSync } from "node:fs";
import pg from "pg";

// The e2e tests drive the app as a black box and check the database with plain SQL.
let pool: pg.Pool | undefined;

export function e2eDb(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: readFileSync(".data/e2e/database-url", "utf8").trim(), max: 2 });
  return pool;
}

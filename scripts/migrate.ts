// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { withDatabase } from "./lib/database";

withDatabase(async () => undefined)
  .then(() => console.log("Migrations are up to date."))
  .catch((error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });

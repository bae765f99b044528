// Writes public/openapi.json from the route table (`npm run openapi`); a unit test fails while the committed
// file differs from what the code describes. The live document is also served, signed, at /api/v1/openapi.json.
import { writeFileSync } from "node:fs";
import { buildOpenApiDocument } from "@/lib/web/api/openapi";

writeFileSync("public/openapi.json", `${JSON.stringify(buildOpenApiDocument("https://stopsms.ma"), null, 2)}\n`);
console.log("public/openapi.json written");

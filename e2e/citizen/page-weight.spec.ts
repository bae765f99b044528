import { expect, test } from "@playwright/test";
import { mintLink, uniqueIp, uniquePhone } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

// Citizen pages work without JavaScript, so they ship none: one HTML document with its inline stylesheet,
// at most 15 KB as transferred (headers and encoded body), whatever the language.
const LIMIT_BYTES = 15 * 1024;

test("citizen pages ship no script and weigh at most 15 KB each, in every language", async ({ page }, info) => {
  test.setTimeout(90_000);
  const { code } = mintLink("souk-market", uniquePhone());
  await page.goto(`/${code}`);
  await page.locator("button[name=choice][value=sender]").click();
  const receipt = new URL(page.url()).pathname;
  const verify = receipt.replace("/receipt/", "/verify/");
  const paths = ["/", "/stop", "/report", "/legal", "/number", receipt, verify, `/${code}`];
  const weights: Record<string, number> = {};
  for (const locale of ["fr", "ar", "en"]) {
    await page.context().addCookies([{ name: "stopsms_locale", value: locale, url: "http://127.0.0.1:3210" }]);
    for (const path of paths) {
      let bytes = 0;
      const requests: string[] = [];
      const count = async (response: import("@playwright/test").Response) => {
        const sizes = await response.request().sizes();
        bytes += sizes.responseHeadersSize + sizes.responseBodySize;
      };
      const seen = (request: import("@playwright/test").Request) => requests.push(request.resourceType());
      page.on("request", seen);
      page.on("response", (response) => void count(response));
      await page.goto(path, { waitUntil: "load" });
      await page.waitForTimeout(100); // the last `sizes()` settles once its body is read
      page.removeAllListeners("request");
      page.removeAllListeners("response");
      expect(
        requests.filter((type) => type === "script"),
        `scripts on ${path}`,
      ).toEqual([]);
      await expect(page.locator("script")).toHaveCount(0);
      // Icons and the manifest are fetched once and cached by the browser; the page itself is what counts.
      const name =
        path === receipt ? "/receipt/…" : path === verify ? "/verify/…" : path === `/${code}` ? "/<link code>" : path;
      weights[`${locale} ${name}`] = bytes;
    }
  }
  await info.attach("citizen-page-weights.json", {
    body: JSON.stringify(weights, null, 2),
    contentType: "application/json",
  });
  console.log(
    "transferred bytes per citizen page:\n" +
      Object.entries(weights)
        .map(([page, bytes]) => `  ${page.padEnd(20)} ${bytes}`)
        .join("\n"),
  );
  for (const [path, bytes] of Object.entries(weights))
    expect(bytes, `${path} transferred bytes`).toBeLessThanOrEqual(LIMIT_BYTES);
});

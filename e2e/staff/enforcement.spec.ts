import { createHash, createPrivateKey, randomBytes } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { signRequest } from "@/lib/web/signatures/sign-request";
import type { Jwks } from "@/lib/web/signatures/verify-response";
import { verifyPack } from "../../lib/evidence/verify-pack";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { e2eDb } from "../support/db";
import { registerProvider, uniquePhone } from "../support/fixtures";
import { expect, signInAs, test } from "../support/staff";
import { TEST_DECLARATION } from "@/lib/testing/declaration";

test("a link minted after the refusal: one-tap report, violation with its timeline, the provider answers, staff download the signed pack", async ({
  page,
  request,
  baseURL,
}, info) => {
  test.setTimeout(90_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-enforce-"));
  const keyFile = path.join(dir, "key.pem");
  const slug = `enf-${randomBytes(3).toString("hex")}`;
  const sender = `brand-${randomBytes(3).toString("hex")}`;
  const { keyid } = registerProvider(slug, sender, keyFile);
  const privateKey = createPrivateKey(await readFile(keyFile, "utf8"));

  // The provider, through the signed API.
  const call = async (method: "GET" | "POST", pathAndQuery: string, body?: object) => {
    const url = `${baseURL}/api/v1${pathAndQuery}`;
    const text = body ? JSON.stringify(body) : undefined;
    const headers = await signRequest({ method, url, body: text, keyid, privateKey });
    const response =
      method === "GET" ? await request.get(url, { headers }) : await request.post(url, { headers, data: text });
    expect(response.status()).toBe(200);
    return response.json();
  };

  // The citizen refused all commercial SMS; three days later this provider minted a link for that number anyway
  // (a complaint about a link is its minting provider's, and only its: docs/protocol.md 1.2).
  const phone = uniquePhone();
  expect((await request.post("/stop/submit", { form: { phone, scope: "all" }, maxRedirects: 0 })).status()).toBe(303);
  const minted = (await call("POST", "/links", {
    sender,
    campaign: "late-2026",
    phones: [phone],
    declaration: TEST_DECLARATION,
  })) as {
    links: { code: string }[];
  };
  const code = minted.links[0]!.code;
  await e2eDb().query("UPDATE stop_links SET created_at = now() + interval '3 days' WHERE code = $1", [code]);

  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`/${code}`);
  // Before the tap, what is known: the refusal's date, and the SMS sent past the 48 h senders have.
  await expect(page.getByText("plus de 48 heures après : il n'aurait pas dû vous être envoyé")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: info.outputPath("landing-report-fr.png"), fullPage: true });
  await page.getByRole("button", { name: "Signaler ce SMS à la CNDP" }).click();
  await expect(page.getByRole("heading", { name: "Signalement enregistré" })).toBeVisible();
  // After it, the verdict as recorded (the same the staff see), and where the complaint stands.
  await expect(page.getByTestId("report-verdict")).toContainText("Infraction");
  await expect(page.getByText("Reçu, pas encore ouvert par la CNDP.")).toBeVisible();
  const id = /C-[A-Z0-9]{5}-[A-Z0-9]{5}/.exec(await page.getByRole("main").innerText())![0];
  await expect(page.getByRole("link", { name: "Mon numéro" })).toBeVisible();

  // The complaint (number masked), then its answer.
  const listed = (await call("GET", "/complaints")) as {
    complaints: { id: string; verdict: string; phone: string; type: string }[];
  };
  const mine = listed.complaints.find((c) => c.id === id)!;
  expect(mine).toMatchObject({ verdict: "violation", type: "sent-after-opposition" });
  expect(mine.phone).toContain("•");
  expect(
    await call("POST", `/complaints/${id}/response`, { action: "suppressed", text: "Numéro retiré de la campagne." }),
  ).toMatchObject({ id, late: false });

  // Staff: the verdict, its timeline, the answer, the pack.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "analyst");
  await page.goto(`/staff/complaints/${id}`);
  await expect(page.getByTestId("complaint-verdict")).toContainText("Infraction");
  const timeline = page.getByTestId("complaint-timeline");
  for (const fact of [
    "Lien StopSMS créé pour ce numéro",
    "Opposition en vigueur (tous expéditeurs)",
    "Délai légal (48 h après l'opposition)",
    "Opposition téléchargée",
  ])
    await expect(timeline).toContainText(fact);
  await expect(page.getByTestId("complaint-answer")).toContainText("Numéro retiré des envois");
  // Staff read Moroccan dates and times, never an ISO timestamp (the facts keep them for the pack).
  await expect(page.locator("main")).not.toContainText(/\d{4}-\d{2}-\d{2}(T|\b)/);
  await expect(timeline).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expectNoSeriousA11yViolations(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Dossier de preuve signé (JSON)" }).click();
  const packText = await readFile((await (await download).path())!, "utf8");
  const jwks = (await (await request.get("/.well-known/stopsms-keys.json")).json()) as Jwks;
  const check = verifyPack(packText, jwks);
  expect(check.valid).toBe(true);
  expect(check.valid && check.document).toMatchObject({ verdict: "violation", complaint: { id, verified: true } });
  const pdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "Dossier de preuve (PDF)" }).click();
  expect((await readFile((await (await pdf).path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  // Anyone holding the pack checks it on /verify-pack: the file as delivered, one changed byte, its fingerprint.
  const packFile = path.join(dir, "pack.json");
  await writeFile(packFile, packText);
  await page.goto("/verify-pack");
  await page.getByLabel("Fichier JSON du dossier").setInputFiles(packFile);
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("status")).toContainText("Authentique : ce fichier a été signé par StopSMS et remis le");
  await expect(page.getByRole("status")).toContainText(id);
  const changed = path.join(dir, "changed.json");
  await writeFile(changed, packText.replace("violation", "violatiom"));
  await page.getByLabel("Fichier JSON du dossier").setInputFiles(changed);
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("status")).toContainText("Non authentique");
  const fingerprint = createHash("sha256").update(packText).digest("hex");
  await page.getByLabel("Empreinte SHA-256 (64 caractères)").fill(fingerprint);
  await page.getByRole("button", { name: "Vérifier l'empreinte" }).click();
  await expect(page.getByRole("status")).toContainText("StopSMS a remis le");
  await expect(page.getByRole("status")).toContainText(fingerprint);
  await expectNoSeriousA11yViolations(page);
});

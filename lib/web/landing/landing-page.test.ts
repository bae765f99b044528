import { describe, expect, it } from "vitest";
import { landingPage } from "@/lib/web/landing/landing-page";

const HOUR = 3_600_000;
const since = new Date("2026-11-02T09:00:00Z");
const link = (mintedAfterHours: number) =>
  ({
    status: "active",
    code: "x7Kq2PzA",
    phone: "+212612345678",
    sender: { id: 1, code: "atlas-bank", name: "Atlas Bank" },
    providerId: 1,
    providerName: "Acme Télécom",
    mintedAt: new Date(since.getTime() + mintedAfterHours * HOUR),
    opposedSender: null,
    opposedAll: { receiptId: "R-AAAAA-BBBBB", since },
  }) as const;

describe("the landing page before a one-tap report", () => {
  it("says the SMS should not have been sent only when it was sent past the senders' 48 hours", () => {
    const past = landingPage("fr", link(72), "/x7Kq2PzA").body;
    expect(past).toContain("plus de 48 heures après : il n&#39;aurait pas dû vous être envoyé");
    const within = landingPage("fr", link(3), "/x7Kq2PzA").body;
    expect(within).toContain("moins de 48 heures après : les expéditeurs ont ce délai pour appliquer un refus");
    expect(within).not.toContain("aurait pas dû");
  });
});

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

describe("logger redaction", () => {
  it("never writes phone numbers, signatures, cookies or passwords", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger(sink).info(
      {
        phone: "+212612345678",
        phones: ["+212612345679"],
        request: { phone: "+212612345670", from: "+212612345671", headers: { cookie: "a=b" } },
        headers: { signature: "sig1=:abc:", cookie: "a=b" },
        password: "hunter2hunter2",
      },
      "event",
    );
    const output = lines.join("");
    expect(output).toContain('"msg":"event"');
    expect(output).not.toMatch(/\+2126\d{8}/);
    expect(output).not.toContain("sig1=:abc:");
    expect(output).not.toContain("a=b");
    expect(output).not.toContain("hunter2");
  });
});

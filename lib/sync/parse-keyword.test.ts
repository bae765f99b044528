import { describe, expect, it } from "vitest";
import { parseKeyword } from "./parse-keyword";

describe("parseKeyword", () => {
  it.each([
    ["STOP", "sender"],
    ["stop", "sender"],
    ["Stop merci", "sender"],
    ["  stop. ", "sender"],
    ["ARRET", "sender"],
    ["arrêt", "sender"],
    ["Arrêt SVP", "sender"],
    ["désabonner", "sender"],
    ["UNSUBSCRIBE please", "sender"],
    ["توقف", "sender"],
    ["الغاء", "sender"],
    ["إلغاء", "sender"],
    ["STOP ALL", "all"],
    ["stop all", "all"],
    ["STOPALL", "all"],
    ["please stop all messages", "all"],
  ])("%j → %s", (text, scope) => {
    expect(parseKeyword(text)).toEqual({ action: "stop", scope });
  });

  it.each(["START", "start", "Unstop", "réabonner", "REABONNER merci", "ابدأ", "ابدا"])(
    "%j is a start word",
    (text) => {
      expect(parseKeyword(text)).toEqual({ action: "start" });
    },
  );

  it("takes a text with both a stop and a start word as a stop", () => {
    expect(parseKeyword("START STOP")).toEqual({ action: "stop", scope: "sender" });
  });

  it.each(["", "OUI", "nonstop", "STOPPER", "STARTER", "restart", "je veux des promos", "arrêter", "123"])(
    "%j is no keyword",
    (text) => {
      expect(parseKeyword(text)).toBeNull();
    },
  );
});

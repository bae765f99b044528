import { describe, expect, it } from "vitest";
import { parseStopKeyword } from "./parse-stop-keyword";

describe("parseStopKeyword", () => {
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
    expect(parseStopKeyword(text)).toEqual({ scope });
  });

  it.each(["", "OUI", "nonstop", "STOPPER", "je veux des promos", "arrêter", "123"])("%j is not a stop word", (text) => {
    expect(parseStopKeyword(text)).toBeNull();
  });
});

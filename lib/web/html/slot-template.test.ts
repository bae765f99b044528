import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { escapeHtml, fillSlots, slot, TOKEN_SLOT, toSlotTemplate } from "@/lib/web/html/slot-template";
import { staticMarkup } from "@/lib/web/html/static-markup";

describe("a slot template", () => {
  const page = (name: string, href: string) =>
    staticMarkup(createElement("p", { title: name }, createElement("a", { href }, name), slot(TOKEN_SLOT)));

  it("filled, is what React renders with the values themselves", () => {
    const template = toSlotTemplate(page(slot("NAME"), `/receipt/${slot("ID")}`));
    expect(template.slots).toEqual(["NAME", "ID", "NAME", TOKEN_SLOT]);
    for (const name of ['Atlas "<Bank>" & fils', "l'épicerie", "بنك"]) {
      const filled = fillSlots(template, { NAME: name, ID: "R-1&2" }, "<input>");
      expect(filled).toBe(page(name, "/receipt/R-1&2").replace(slot(TOKEN_SLOT), "<input>"));
    }
  });

  it("refuses a slot without a value rather than answering a page with a hole", () => {
    expect(() => fillSlots(toSlotTemplate(`<p>${slot("NAME")}</p>`), {})).toThrow(/NAME/);
  });

  it("escapes as React does", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(staticMarkup(`<a href="x">'&'</a>`));
  });
});

import type { ReactNode } from "react";

// Words read left to right inside any sentence (#25 item 8), as `t.rich` chunks.

/** A receipt id is one word: never split across lines. */
export const receiptId = (chunks: ReactNode) => (
  <bdi dir="ltr" className="whitespace-nowrap">
    {chunks}
  </bdi>
);

/**
 * A phone number (+212 6 12 00 01 01) moves to the next line whole rather than split; only when wider than
 * the screen itself (200 % text at 360 px) does it wrap, between its groups.
 */
export const phoneNumber = (chunks: ReactNode) => (
  <bdi dir="ltr" className="inline-block">
    {chunks}
  </bdi>
);

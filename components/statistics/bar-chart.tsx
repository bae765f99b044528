import type { Row } from "@/lib/open-data/compute-open-figures";

/** New refusals per period as bars: plain SVG, no script; its figures are in the table beside it. */
export function BarChart({
  bars,
  label,
  barKey,
  mirrored,
}: {
  bars: Row[];
  label: string;
  barKey: string;
  /** Right to left: time runs from the right. */
  mirrored: boolean;
}) {
  const max = Math.max(1, ...bars.map((d) => (typeof d.new_refusals === "number" ? d.new_refusals : 0)));
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${Math.max(1, bars.length) * 10} 100`}
      preserveAspectRatio="none"
      className="mt-2 h-32 w-full rounded bg-slate-50"
      style={{ transform: mirrored ? "scaleX(-1)" : undefined }}
    >
      {bars.map((d, i) => {
        const value = typeof d.new_refusals === "number" ? d.new_refusals : 0;
        const height = Math.max(value > 0 ? 1 : 0, (value / max) * 96);
        return (
          <rect
            key={String(d[barKey])}
            x={i * 10 + 1}
            y={100 - height}
            width={8}
            height={height}
            className="fill-brand-700"
          />
        );
      })}
    </svg>
  );
}

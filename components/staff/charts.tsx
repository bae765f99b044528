"use client";

import { labelOf } from "@/lib/complaints/labels.fr";
import { CHANNEL_LABELS } from "@/lib/oppositions/labels.fr";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  ComposedChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber, formatTickDay } from "@/lib/i18n/staff-format";

export function DailyChart({ data }: { data: { day: string; all: number; sender: number; withdrawn: number }[] }) {
  return (
    <div
      className="h-72 w-full"
      role="img"
      aria-label="Oppositions par jour : tous expéditeurs, un expéditeur, retraits"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={formatTickDay} minTickGap={16} />
          <YAxis allowDecimals={false} tickFormatter={formatNumber} />
          <Tooltip labelFormatter={(d) => formatTickDay(String(d))} formatter={(v) => formatNumber(Number(v))} />
          <Legend />
          <Bar dataKey="all" name="Tous expéditeurs" stackId="a" fill="#0b5d3b" />
          <Bar dataKey="sender" name="Un expéditeur" stackId="a" fill="#6aa88a" />
          <Line dataKey="withdrawn" name="Retraits" stroke="#b45309" dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SourceChart({ data }: { data: { source: string; added: number }[] }) {
  const rows = data.map((d) => ({ ...d, label: labelOf(CHANNEL_LABELS, d.source) }));
  return (
    <div className="h-56 w-full" role="img" aria-label="Oppositions par canal">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} />
          <YAxis type="category" dataKey="label" width={110} />
          <Tooltip />
          <Bar dataKey="added" name="Nouvelles oppositions" fill="#0b5d3b" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

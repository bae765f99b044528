import { Counter, Gauge, Registry } from "prom-client";

/** What the gate shows Prometheus (STOPSMS_GATE_METRICS): every decision, the list's age and size. */
export function gateMetrics() {
  const registry = new Registry();
  return {
    registry,
    submits: new Counter({
      name: "stopsms_gate_submits_total",
      help: "submit_sm by outcome (forwarded, appended, transactional, or the refusal's reason)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    stopReplies: new Counter({
      name: "stopsms_gate_stop_replies_total",
      help: "STOP replies received from the SMSC and recorded",
      registers: [registry],
    }),
    mintCalls: new Counter({
      name: "stopsms_gate_mint_calls_total",
      help: "POST /links calls (each mints the links of every message that arrived within a few ms)",
      registers: [registry],
    }),
    listAge: new Gauge({
      name: "stopsms_gate_list_age_seconds",
      help: "Seconds since the list last caught up with the feed",
      registers: [registry],
    }),
    listEntries: new Gauge({ name: "stopsms_gate_list_entries", help: "Entries in the list", registers: [registry] }),
    indexBytes: new Gauge({
      name: "stopsms_gate_index_bytes",
      help: "Bytes of the list's index",
      registers: [registry],
    }),
    upstreamBound: new Gauge({
      name: "stopsms_gate_upstream_bound",
      help: "1 while bound to the operator's SMSC",
      registers: [registry],
    }),
  };
}
export type GateMetrics = ReturnType<typeof gateMetrics>;

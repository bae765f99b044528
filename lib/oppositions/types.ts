export type Scope = "all" | "sender" | "source";
export type OppositionSource = "link" | "web" | "keyword" | "staff";
export type ChangeOp = "add" | "remove";
/** Why a change was written (docs/protocol.md 1.1): `opposed`/`reinstated` add, `withdrawn`/`number-disconnected` remove. */
export type ChangeReason = "opposed" | "reinstated" | "withdrawn" | "number-disconnected";

/**
 * What is opposed: every sender, one sender (by id), or every campaign declaring one list source (by id,
 * provenance: docs/protocol.md 1.2).
 */
export type OppositionTarget =
  | { scope: "all"; senderId: null; listSourceId?: null }
  | { scope: "sender"; senderId: number; listSourceId?: null }
  | { scope: "source"; senderId: null; listSourceId: number };

export interface ListSourceRef {
  id: number;
  code: string;
  name: string;
}

export interface SenderRef {
  id: number;
  code: string;
  name: string;
}

export interface ReceiptView {
  id: string;
  op: ChangeOp;
  phone: string;
  scope: Scope;
  sender: SenderRef | null;
  /** The list source refused (scope `source`). */
  listSource: ListSourceRef | null;
  source: OppositionSource;
  seq: bigint;
  createdAt: Date;
  /** The change's place in the transparency log and its leaf hash (base64url). */
  log: { index: bigint; leaf: string } | null;
  /** An unverified /stop refusal's receipt: its register entry is not shown (it would tell a repeat apart). */
  proofHidden: boolean;
  /** When the number left its subscriber, ending this (added) opposition; null while in force or withdrawn. */
  endedByDisconnection: Date | null;
}

export type Scope = "all" | "sender";
export type OppositionSource = "link" | "web" | "keyword" | "staff";
export type ChangeOp = "add" | "remove";
/** Why a change was written (docs/protocol.md 1.1): `opposed`/`reinstated` add, `withdrawn`/`number-disconnected` remove. */
export type ChangeReason = "opposed" | "reinstated" | "withdrawn" | "number-disconnected";

/** What is opposed: every sender, or one sender (by id). */
export type OppositionTarget = { scope: "all"; senderId: null } | { scope: "sender"; senderId: number };

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

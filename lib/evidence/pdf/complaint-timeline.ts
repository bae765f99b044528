// One complaint's facts as a prosecutor reads them: sentences in plain French, in time order, each with
// the record it comes from named in words (never a table name). Built from the signed pack's JSON only, so
// the paper says nothing the file does not.

export interface ComplaintEvidence {
  complaint: {
    id: string;
    type: string;
    reported_at: string;
    received_at: string;
    verified: boolean;
    sender_seen: string;
    sender: { code: string; name: string } | null;
    phone: string | null;
    message_text: string;
    respond_by: string | null;
    answers: { keyid: string; action: string; text: string | null; at: string; late: boolean }[];
  };
  verdict: string;
  reason: string;
  facts: { key: string; label: string; value: unknown; source: { table: string; id: string } | null }[];
  change: { seq: number; scope: string; source: string; at: string } | null;
  link: { code: string; campaign: string; minted_at: string; confirmed_at: string | null } | null;
  declaration: {
    basis: string;
    source: string;
    source_name: string | null;
    collected_at: string;
    declared_by: string;
    declared_at: string;
  } | null;
  provider: { slug: string; name: string; anrt_number: string } | null;
  provider_fetch: { at: string; keyid: string | null } | null;
  provider_ack: { at: string; keyid: string } | null;
}

export interface TimelineEntry {
  /** An instant, or a day ("2026-12-05") when only the day is known. */
  at: string;
  text: string;
  source: string;
}

const CHANNEL: Record<string, string> = {
  link: "par le lien StopSMS d'un SMS",
  web: "sur le site StopSMS",
  keyword: "par SMS (mot STOP)",
  staff: "par la CNDP, à la demande du titulaire",
};

const ANSWER: Record<string, string> = {
  suppressed: "le numéro est retiré de ses envois",
  disputed: "il conteste le signalement",
  investigating: "il vérifie",
};

export function timelineOf(c: ComplaintEvidence, lagHours: number): { entries: TimelineEntry[]; never: string[] } {
  const provider = c.provider?.name ?? "L'opérateur d'envoi";
  const factSource = (key: string) => c.facts.find((f) => f.key === key)?.source?.id;
  const entries: TimelineEntry[] = [];
  const never: string[] = [];

  if (c.link)
    entries.push({
      at: c.link.minted_at,
      text: `${provider} crée le lien StopSMS personnel de ce numéro pour sa campagne « ${c.link.campaign} » : le SMS qui le porte n'a pas pu être envoyé avant.`,
      source: `registre des liens StopSMS, lien ${c.link.code}`,
    });
  else
    entries.push({
      at: c.complaint.received_at.slice(0, 10),
      text: "Jour où le citoyen déclare avoir reçu le SMS.",
      source: `signalement ${c.complaint.id}, tel que déclaré par le citoyen`,
    });
  if (c.declaration)
    entries.push({
      at: c.declaration.declared_at,
      text: `${c.declaration.declared_by} déclare l'origine des numéros de la campagne : ${c.declaration.basis === "consent" ? "consentement des destinataires" : "clients existants"}, fichier « ${c.declaration.source_name ?? c.declaration.source} », collecté le ${c.declaration.collected_at}.`,
      source: "déclarations de campagne des opérateurs (signées)",
    });
  if (c.change) {
    const whom =
      c.change.scope === "all"
        ? "de tous les expéditeurs"
        : c.change.scope === "sender"
          ? `de l'expéditeur ${c.complaint.sender?.name ?? ""}`.trim()
          : `des campagnes qui utilisent le fichier « ${c.declaration?.source_name ?? c.declaration?.source ?? "?"} »`;
    entries.push(
      {
        at: c.change.at,
        text: `Le titulaire du numéro s'oppose aux SMS commerciaux ${whom}, ${CHANNEL[c.change.source] ?? c.change.source}.`,
        source: `journal public des oppositions, changement n° ${c.change.seq}`,
      },
      {
        at: new Date(Date.parse(c.change.at) + lagHours * 3_600_000).toISOString(),
        text: `Fin du délai légal de ${lagHours} heures laissé aux opérateurs pour appliquer cette opposition.`,
        source: "règle de la plateforme (délai légal)",
      },
    );
    if (c.provider_fetch)
      entries.push({
        at: c.provider_fetch.at,
        text: `${provider} télécharge cette opposition dans la liste des numéros à ne plus contacter.`,
        source: `journal des téléchargements de la liste, n° ${factSource("fetched") ?? "?"}${c.provider_fetch.keyid ? `, clé ${c.provider_fetch.keyid}` : ""}`,
      });
    else if (c.provider) never.push(`${provider} n'a pas téléchargé cette opposition.`);
    if (c.provider_ack)
      entries.push({
        at: c.provider_ack.at,
        text: `${provider} confirme, par un accusé de réception signé, avoir appliqué cette opposition.`,
        source: `journal des accusés de réception, n° ${factSource("acknowledged") ?? "?"}, clé ${c.provider_ack.keyid}`,
      });
    else if (c.provider) never.push(`${provider} n'a pas confirmé avoir appliqué cette opposition.`);
  }
  entries.push({
    at: c.complaint.reported_at,
    text: c.link
      ? "Le citoyen signale ce SMS depuis son lien StopSMS (le numéro est celui du lien)."
      : "Le citoyen signale ce SMS sur le site StopSMS.",
    source: `registre des signalements, référence ${c.complaint.id}`,
  });
  for (const answer of c.complaint.answers)
    entries.push({
      at: answer.at,
      text: `${provider} répond : ${ANSWER[answer.action] ?? answer.action}${answer.text ? ` — « ${answer.text} »` : ""}${answer.late ? " (après la date limite)" : ""}.`,
      source: `réponses signées des opérateurs, clé ${answer.keyid}`,
    });
  if (c.complaint.answers.length === 0 && c.complaint.respond_by && c.provider)
    never.push(`${provider} n'a pas répondu au signalement.`);
  // A day sorts at its start; equal times keep the order above (cause before effect).
  const time = (at: string) => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  entries.sort((a, b) => time(a.at) - time(b.at));
  return { entries, never };
}

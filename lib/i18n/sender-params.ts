// French elides "de" before a vowel: "les SMS d'Atlas Bank", "de Souk Market". The French messages say
// {deSender}; Arabic and English say {sender}. Every sentence naming a sender gets both.
const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

export function elideDe(name: string): string {
  return VOWEL.test(name.trim()) ? `d\u2019${name}` : `de ${name}`;
}

export function senderParams(name: string): { sender: string; deSender: string } {
  return { sender: name, deSender: elideDe(name) };
}

// What every SMS gateway is (outbox, SMPP, HTTP), apart from the code that picks one (send-sms.ts), so that
// the gateways need not import the module that imports them.

export interface SmsMessage {
  to: string; // E.164
  text: string;
}

export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

export class SmsNotSentError extends Error {
  constructor(readonly gateway: string) {
    super(`the SMS could not be sent through the ${gateway} gateway`);
    this.name = "SmsNotSentError";
  }
}

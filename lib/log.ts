import "server-only";
import pino, { type DestinationStream } from "pino";

// Phone numbers, keys and secrets never reach the logs: these paths are redacted wherever they appear.
const REDACT = [
  "phone",
  "phones",
  "*.phone",
  "*.phones",
  "from",
  "*.from",
  "*.*.phone",
  "headers.signature",
  "headers.authorization",
  "headers.cookie",
  "*.headers.signature",
  "*.headers.cookie",
  "password",
  "*.password",
  "privateKey",
  "*.privateKey",
  "AUTH_SECRET",
  "STOPSMS_SIGNING_KEY",
];

export function createLogger(destination?: DestinationStream) {
  const options = { level: process.env.LOG_LEVEL || "info", redact: { paths: REDACT, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

import "server-only";
import pino from "pino";

// Phone numbers, keys and secrets never reach the logs: these paths are redacted wherever they appear.
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  redact: {
    paths: ["phone", "phones", "*.phone", "*.phones", "from", "*.from", "headers.signature", "headers.authorization", "headers.cookie", "password", "*.password", "privateKey", "AUTH_SECRET", "STOPSMS_SIGNING_KEY"],
    censor: "[redacted]",
  },
});

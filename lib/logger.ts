// Structured logs for the API and the worker, one JSON line each, written by pino:
//   {"level":"warn","time":"2026-11-27T03:04:05.678Z","service":"api","requestId":"…","path":"…","msg":"…"}
// Callers pass facts, never secrets (no cookies, passwords or bodies). Calls are message first, as in the
// Temporal SDK's logger, so the SDK's lines come through the same logger (worker/sdk-logger.ts).
import { type DestinationStream, pino, stdSerializers, stdTimeFunctions } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds these fields to each line (a request or workflow ID), at its own level if given. */
  child(bindings: LogFields, level?: LogLevel): Logger;
}

export interface LoggerOptions {
  service: 'api' | 'worker';
  level: LogLevel;
  /** Where lines go; standard output by default. Tests collect them here. */
  write?: (line: string) => void;
}

export function createLogger({ service, level, write }: LoggerOptions): Logger {
  const destination: DestinationStream | undefined = write ? { write } : undefined;
  const root = pino(
    {
      level,
      base: { service },
      timestamp: stdTimeFunctions.isoTime,
      // Level names rather than pino's numbers, as the log shippers' filters and `npm start` expect.
      formatters: { level: (label) => ({ level: label }) },
      // An Error under either name keeps its type, message and stack (the SDK logs `error`).
      serializers: { err: stdSerializers.err, error: stdSerializers.err },
    },
    destination,
  );
  return wrap(root);
}

function wrap(logger: pino.Logger): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (msg: string, fields?: LogFields): void =>
      fields ? logger[level](fields, msg) : logger[level](msg);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings, level) => wrap(logger.child(bindings, level ? { level } : undefined)),
  };
}

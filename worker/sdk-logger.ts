// The Temporal SDK's logger (Runtime.install) over the worker's pino logger, so that the SDK's own lines,
// the Core SDK's forwarded ones and the activity and workflow context logs have the shape of every other
// line, with the SDK's fields beside the message: workflowId, activityType, sdkComponent, error.
import type { LogMetadata, Logger as SdkLogger, LogLevel as SdkLogLevel } from '@temporalio/common';
import type { Logger, LogLevel } from '../lib/logger';

const LEVELS: Record<SdkLogLevel, Exclude<LogLevel, 'silent'>> = {
  TRACE: 'debug',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The SDK logs each worker state change at INFO, so its lines start at `warn` unless the worker logs at
 * `debug` (or at a level above `warn`).
 */
export function sdkLogLevel(level: LogLevel): LogLevel {
  return level === 'debug' || level === 'error' || level === 'silent' ? level : 'warn';
}

export function createSdkLogger(logger: Logger): SdkLogger {
  const log = (level: SdkLogLevel, message: string, meta?: LogMetadata) => logger[LEVELS[level]](message, meta);
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}

// Maps failures from Temporal, the database and the order model onto tRPC errors with messages a buyer
// or seller can read. Anything unexpected becomes a generic INTERNAL_SERVER_ERROR; details go to the log.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { isGrpcServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { TRPCError } from '@trpc/server';
import { Prisma } from '../prisma/generated/client';
import { TRANSITION_ERROR_TYPES, type TransitionErrorType, type TransitionRefusal } from '../workflows/model/order-model';

export const ORDER_NOT_FOUND = 'Order not found.';
export const UNAVAILABLE_MESSAGE = 'The order service is briefly unavailable. Please try again in a moment.';

const TRANSITION_ERROR_CODES: Record<TransitionErrorType, TRPCError['code']> = {
  OrderClosed: 'CONFLICT',
  InvalidTransition: 'CONFLICT',
  NotAllowedForActor: 'FORBIDDEN',
  MissingTrackingInfo: 'BAD_REQUEST',
  MissingCancelReason: 'BAD_REQUEST',
  MalformedRequest: 'BAD_REQUEST',
};

// gRPC statuses of a Temporal call that mean "try again later".
const RETRYABLE_GRPC_STATUSES = new Set<number>([
  GrpcStatus.DEADLINE_EXCEEDED,
  GrpcStatus.RESOURCE_EXHAUSTED,
  GrpcStatus.ABORTED,
  GrpcStatus.UNAVAILABLE,
]);
// Prisma's codes for a database that cannot be reached, dropped the connection or is overloaded: can't
// reach (P1001), timed out (P1002, P1008), closed the connection (P1017), no pool connection in time
// (P2024), too many connections (P2037).
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
// The driver adapter's kinds for the same, and the PostgreSQL SQLSTATEs it passes on: the server shutting
// down or starting up (57P01, 57P02, 57P03) and too many connections (53300).
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Node's codes for a network connection that failed, as pg raises them.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
// pg raises a lost or timed-out connection as a plain Error with neither class nor code, and Prisma's
// adapter passes it through as it is; its exact message is all there is to know it by.
const PG_CONNECTION_LOST_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
]);

function isTransitionErrorType(type: string | undefined | null): type is TransitionErrorType {
  return TRANSITION_ERROR_TYPES.includes(type as TransitionErrorType);
}

interface AdapterErrorCause {
  kind?: unknown;
  originalCode?: unknown;
}

/** What the Prisma driver adapter said, from its own error or from the Prisma error that wraps it. */
function driverAdapterCause(error: Error): AdapterErrorCause | undefined {
  // The driver adapter utilities' own test for their error (`isDriverAdapterError`).
  if (error.name === 'DriverAdapterError' && typeof error.cause === 'object') return error.cause as AdapterErrorCause;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const wrapped = (error.meta as { driverAdapterError?: { cause?: AdapterErrorCause } } | undefined)?.driverAdapterError;
    return wrapped?.cause;
  }
  return undefined;
}

function isUnavailableCause(error: Error): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (isGrpcServiceError(error)) return RETRYABLE_GRPC_STATUSES.has(error.code);
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  const adapter = driverAdapterCause(error);
  if (adapter) return UNAVAILABLE_ADAPTER_KINDS.has(String(adapter.kind)) || UNAVAILABLE_SQLSTATES.has(String(adapter.originalCode));
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code === 'string' && typeof syscall === 'string') return UNAVAILABLE_SOCKET_CODES.has(code);
  return error.constructor === Error && PG_CONNECTION_LOST_MESSAGES.has(error.message);
}

/**
 * True for failures that say Temporal or the database is down or overloaded rather than that the request
 * is wrong, judged by the error's class and code, on the error or any of its causes.
 */
function isUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth++) {
    if (isUnavailableCause(current)) return true;
  }
  return false;
}

/** A refusal from the order model as the tRPC error its caller sees. */
export function transitionRefusalError(refusal: TransitionRefusal): TRPCError {
  return new TRPCError({ code: TRANSITION_ERROR_CODES[refusal.type], message: refusal.message });
}

export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && isTransitionErrorType(error.cause.type)) {
    return transitionRefusalError({ type: error.cause.type, message: error.cause.message });
  }
  if (error instanceof WorkflowNotFoundError) return new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
  if (isUnavailable(error)) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE, cause: error });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.', cause: error });
}

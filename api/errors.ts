// Maps failures from Temporal, the database and the order model onto tRPC errors with messages a buyer
// or seller can read. Anything unexpected becomes a generic INTERNAL_SERVER_ERROR; details go to the log.
import { isGrpcServiceError, ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { TRPCError } from '@trpc/server';
import { TRANSITION_ERROR_TYPES, type TransitionErrorType, type TransitionRefusal } from '../domain/order-model';

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

// gRPC codes that mean "try again later": DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE.
const RETRYABLE_GRPC_CODES = new Set([4, 8, 10, 14]);
// pg and Prisma codes for a database that cannot be reached or is overloaded.
const UNAVAILABLE_DB_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'P1001', 'P1002', 'P1017', 'P2024', '57P01', '57P03', '53300']);

function isTransitionErrorType(type: string | undefined | null): type is TransitionErrorType {
  return TRANSITION_ERROR_TYPES.includes(type as TransitionErrorType);
}

/** True for failures that say the backing services are down rather than that the request is wrong. */
export function isUnavailable(error: unknown): boolean {
  for (let current = error as { cause?: unknown; code?: unknown; name?: string; message?: string } | undefined, depth = 0; current && depth < 6; depth++) {
    if (current instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(current) && RETRYABLE_GRPC_CODES.has(current.code)) return true;
    if (typeof current.code === 'string' && UNAVAILABLE_DB_CODES.has(current.code)) return true;
    if (current.name === 'PrismaClientInitializationError' || current.name === 'DriverAdapterError' && /connect|terminat|closed/i.test(current.message ?? '')) return true;
    if (/Connection terminated|connect ECONNREFUSED|Can't reach database server|timeout exceeded when trying to connect/i.test(current.message ?? '')) return true;
    current = current.cause as typeof current;
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
  if (isUnavailable(error) || (error instanceof ServiceError && isUnavailable(error.cause))) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE, cause: error });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.', cause: error });
}

// What a client reads for a failed call: input validation names the fields, anything else of ours is a
// plain sentence without detail.
import { TRPCError } from '@trpc/server';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { clientError, INTERNAL_MESSAGE } from '../../api/error-shape';

const call = { path: 'seller.order', type: 'query' };
const zodError = () => z.object({ at: z.string({ error: 'At must be text.' }) }).safeParse({ at: 1 }).error!;

test('invalid input names each field in words', () => {
  const answer = clientError(new TRPCError({ code: 'BAD_REQUEST', cause: zodError() }), call);
  expect(answer).toEqual({ message: 'Some fields are not valid: At must be text.', fieldErrors: { at: ['At must be text.'] } });
});

test('an output that fails its own schema is our fault: a generic sentence, and no field of the output is named', () => {
  const answer = clientError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: zodError() }), call);
  expect(answer).toEqual({ message: INTERNAL_MESSAGE });
});

import { useMutation } from '@tanstack/solid-query';
import { newUuid } from '../lib/uuid';
import { isServerAnswer } from './errors';
import { retryUnanswered } from './query-client';

/**
 * A mutation that carries a request ID, one per submission: a double click or a retry of a request that
 * got no answer reuses it, so the server applies the change once. Once the server has answered with an
 * error, the outcome is known, and the next submission is a new request with a new ID.
 */
export function useRequestMutation<Input extends { requestId: string }, Result>(options: {
  send: (input: Input) => Promise<Result>;
  onSuccess: (result: Result) => void;
  onRefused?: (error: unknown) => void;
}) {
  let requestId = newUuid();
  const mutation = useMutation(() => ({
    mutationFn: options.send,
    retry: retryUnanswered,
    onSuccess: (result: Result) => options.onSuccess(result),
    onError: (error: unknown) => {
      if (!isServerAnswer(error)) return;
      requestId = newUuid();
      options.onRefused?.(error);
    },
  }));
  const submit = (input: Omit<Input, 'requestId'>) => {
    if (!mutation.isPending) mutation.mutate({ ...input, requestId } as Input);
  };
  return { mutation, submit };
}

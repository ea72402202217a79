// The error a call ends in: thrown by the call, or by `unwrap` of its result.
import { unwrap } from '../../dist/index.js';

export const failure = (promise: Promise<unknown>) =>
  promise.then(
    (result) => {
      try {
        unwrap(result as never);
      } catch (error) {
        return error;
      }
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

/** Where a command writes; the real binary passes process streams, tests pass buffers. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that shows colours. */
  colour: boolean;
}

/** A mistake in how the command was called: exit code 2, a message, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A lifecycle command that cannot do what it was asked, said in a sentence; nothing was written. */
export class LifecycleError extends Error {
  override name = 'LifecycleError';
}

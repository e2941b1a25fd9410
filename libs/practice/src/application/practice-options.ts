export const PRACTICE_OPTIONS = Symbol('PRACTICE_OPTIONS');

export interface PracticeOptions {
  /** How often each instance deletes expired practice lots, ms; 0 turns the job off (tests call it). */
  readonly cleanupIntervalMs: number;
}

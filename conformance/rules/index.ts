/**
 * Every rule module, listed statically so the suite runs anywhere (no filesystem globbing).
 * Add one import and one array entry per rule file; `index.test.ts` checks the list is complete.
 */
import type { Rule } from '../rule.ts';
import submitResponseShape from './submit-response-shape.ts';

/** All rules, in the order they run. */
export const RULES: readonly Rule[] = [
  submitResponseShape,
];

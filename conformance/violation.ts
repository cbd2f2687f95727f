/**
 * A documented behaviour that did not hold: what the spec says, what the target did, and (for
 * properties) the shrunk input that shows it. Rules throw it; the runner reports it.
 */

/** Thrown by rules (through the `ctx.check` helpers) when the target breaks the documented behaviour. */
export class Violation extends Error {
  readonly ruleId: string;
  readonly spec: string;
  readonly documented: string;
  readonly received: string;
  counterexample?: unknown;

  constructor(fields: { ruleId: string; spec: string; documented: string; received: string; counterexample?: unknown }) {
    super(`[fileproc] ${fields.ruleId}: documented ${fields.documented}; received ${fields.received}`);
    this.name = 'Violation';
    this.ruleId = fields.ruleId;
    this.spec = fields.spec;
    this.documented = fields.documented;
    this.received = fields.received;
    if (fields.counterexample !== undefined) this.counterexample = fields.counterexample;
  }
}

/** Short, single-line rendering of any value for `received` texts (long bodies are cut). */
export function show(value: unknown, max = 300): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value instanceof Uint8Array) text = `<${value.byteLength} bytes>`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/**
 * The on/off state of every catalogue fault. Engine faults are kept by the engine's own
 * `FaultRegistry` (its hook points read it); the other layers read this switch at each request.
 */
import type { FaultRegistry } from '../engine/faults.ts';
import { FAULTS, faultInfo } from './catalogue.ts';

/** Which faults are on; read by every fault layer. */
export class FaultSwitch {
  readonly #on = new Set<string>();
  readonly #engine: FaultRegistry;

  constructor(engine: FaultRegistry) {
    this.#engine = engine;
  }

  /** Switches a fault on; unknown names throw. */
  enable(name: string): void {
    if (faultInfo(name).layer === 'engine') this.#engine.enable(name);
    else this.#on.add(name);
  }

  /** Switches a fault off; unknown names throw. */
  disable(name: string): void {
    if (faultInfo(name).layer === 'engine') this.#engine.disable(name);
    else this.#on.delete(name);
  }

  /** Whether a fault is on. */
  isOn(name: string): boolean {
    return this.#on.has(name) || (this.#engine.list() as string[]).includes(name);
  }

  /** Whether any fault is on (checked per request, so it must stay cheap). */
  any(): boolean {
    return this.#on.size > 0 || this.#engine.list().length > 0;
  }

  /** The faults switched on, in catalogue order. */
  list(): string[] {
    return FAULTS.map((fault) => fault.name).filter((name) => this.isOn(name));
  }
}

/**
 * Order state machines, as tables: the states, where each may go, and which are final. Pure data
 * and checks; the writes that move an order along its machine are in order-lifecycle.ts.
 */
export interface Machine<S extends string> {
  readonly initial: S;
  /** Every state, with the states it may move to (a state may move to itself: a backorder retry). */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  readonly terminal: readonly S[];
}

export function defineMachine<S extends string>(machine: Machine<S>): Machine<S> {
  for (const [from, targets] of Object.entries(machine.transitions) as [S, readonly S[]][]) {
    if (machine.terminal.includes(from) && targets.length > 0) {
      throw new Error(`terminal state ${from} has transitions`);
    }
  }
  return machine;
}

export function statesOf<S extends string>(machine: Machine<S>): readonly S[] {
  return Object.keys(machine.transitions) as S[];
}

export function isState<S extends string>(machine: Machine<S>, status: string): status is S {
  return Object.hasOwn(machine.transitions, status);
}

export function isTerminal<S extends string>(machine: Machine<S>, status: S): boolean {
  return machine.terminal.includes(status);
}

export function canMove<S extends string>(machine: Machine<S>, from: S, to: S): boolean {
  return machine.transitions[from].includes(to);
}

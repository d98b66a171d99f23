import type { Obj } from './schema-keywords';

/**
 * `A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`: validating any value would recurse forever.
 * Calls `onCycle` with each schema a walk over `children` (the schemas applied to the same
 * instance: schema.ts) comes back to while it is still on the walk's stack. Depth-first with an
 * explicit stack: descriptions nest deeply.
 */
export function findInPlaceCycles(
  schemas: Iterable<object>,
  children: (s: Obj) => Obj[],
  onCycle: (s: Obj) => void,
): void {
  const state = new Map<Obj, 1 | 2>(); // 1: on the stack, 2: done
  for (const start of schemas) {
    if (state.has(start as Obj)) continue;
    const stack: { s: Obj; kids: Obj[]; i: number }[] = [
      { s: start as Obj, kids: children(start as Obj), i: 0 },
    ];
    state.set(start as Obj, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i === top.kids.length) {
        state.set(top.s, 2);
        stack.pop();
        continue;
      }
      const kid = top.kids[top.i++]!;
      const st = state.get(kid);
      if (st === 1) onCycle(kid);
      else if (st === undefined) {
        state.set(kid, 1);
        stack.push({ s: kid, kids: children(kid), i: 0 });
      }
    }
  }
}

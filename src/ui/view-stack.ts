/** The stack of views (csysdig): Enter pushes, Backspace pops, F2 replaces the top; never empty. */

export class ViewStack<V> {
  private readonly views: V[];

  constructor(first: V) {
    this.views = [first];
  }

  get top(): V {
    return this.views[this.views.length - 1];
  }

  get all(): readonly V[] {
    return this.views;
  }

  push(view: V): void {
    this.views.push(view);
  }

  /** Removes and returns the top, or undefined when it is the only view (it stays). */
  pop(): V | undefined {
    return this.views.length > 1 ? this.views.pop() : undefined;
  }

  /**
   * Goes back down to `view` when it is in the stack (popping the views above it, handed to
   * `popped` top first); false when it is not there.
   */
  backTo(view: V, popped: (gone: V) => void): boolean {
    const at = this.views.indexOf(view);
    if (at < 0) return false;
    while (this.views.length > at + 1) popped(this.views.pop()!);
    return true;
  }

  /** Replaces the top; returns the view it replaced. */
  replaceTop(view: V): V {
    const old = this.views[this.views.length - 1];
    this.views[this.views.length - 1] = view;
    return old;
  }
}

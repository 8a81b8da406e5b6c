/**
 * The stack of screens (k9s's crumbs) and the views `[` went back from, for `]`. Only the top
 * view is live: it is activated when it comes on top and deactivated when it leaves.
 */
import type { View } from './views.js';

/** What the stack calls when a view comes on top or leaves it. */
export interface ViewLife {
  activate(view: View): void;
  deactivate(view: View): void;
}

export class ViewStack {
  views: View[];
  /** Views `[` went back from, for `]`. */
  private forward: View[] = [];

  constructor(
    initial: View,
    private readonly life: ViewLife,
  ) {
    this.views = [initial];
  }

  get top(): View {
    return this.views[this.views.length - 1] as View;
  }

  get depth(): number {
    return this.views.length;
  }

  /** Starts the top view (again). */
  activate(): void {
    this.life.activate(this.top);
  }

  /** Stops every view. */
  stopAll(): void {
    for (const view of this.views) this.life.deactivate(view);
  }

  /** Puts a view on top. */
  push(view: View): void {
    this.life.deactivate(this.top);
    this.views.push(view);
    this.forward = [];
    this.activate();
  }

  /** Back one view (Esc). */
  pop(): void {
    if (this.views.length < 2) return;
    this.life.deactivate(this.views.pop() as View);
    this.activate();
  }

  /** `[`: back one view, remembered for `]`. */
  historyBack(): void {
    if (this.views.length < 2) return;
    const view = this.views.pop() as View;
    this.life.deactivate(view);
    this.forward.push(view);
    this.activate();
  }

  /** `]`: forward again to the view `[` left. */
  historyForward(): void {
    const view = this.forward.pop();
    if (!view) return;
    this.life.deactivate(this.top);
    this.views.push(view);
    this.activate();
  }

  /** `-`: the last view and the current one change places (again: back). */
  lastView(): void {
    if (this.views.length < 2) return;
    const current = this.views.pop() as View;
    const last = this.views.pop() as View;
    this.life.deactivate(current);
    this.views.push(current, last);
    this.activate();
  }

  /** Replaces the whole stack (another context). */
  reset(views: View[]): void {
    this.stopAll();
    this.views = views;
    this.forward = [];
    this.activate();
  }

  /** Keeps only the views `keep` accepts (at least the bottom one stays). */
  retain(keep: (view: View) => boolean): void {
    const kept = this.views.filter(keep);
    for (const view of this.views) if (!kept.includes(view)) this.life.deactivate(view);
    if (kept.length > 0) this.views = kept;
  }
}

/**
 * `:xray TYPE [NAMESPACE]`: the tree of each object of a type and what it is made of and uses,
 * live from the dashboard's informer pool while on screen. The objects it links (the type's,
 * ReplicaSets, Jobs, Pods) come from informers of whole objects cut down to what the tree
 * reads; the objects it only checks for (ConfigMaps, Secrets, ServiceAccounts, PVCs) from the
 * same Table informers as the tables. The tree is rebuilt at most twice a second, and less
 * often when a rebuild is slow (see REBUILD_COST_FACTOR).
 */
import type { KubeObject } from '../../resources/kube-object.js';
import { PODS_REF } from '../../resources/resource-ref.js';
import { FrameScheduler } from '../model/frame-scheduler.js';
import type { InformerPool, ObjectMode, SharedInformer } from '../model/informer-pool.js';
import { viewId } from '../model/views.js';
import { slimObject } from '../model/xray/xray-objects.js';
import type { Collapse, XrayLine } from '../model/xray/xray-lines.js';
import { flattenTree } from '../model/xray/xray-lines.js';
import { XRAY_REFS } from '../model/xray/xray-refs.js';
import type { XrayNode, XrayRoot } from '../model/xray/xray-tree.js';
import { buildXrayTree, REF_RESOURCES, XRAY_ROOTS } from '../model/xray/xray-tree.js';
import type { Move } from './text-view-models.js';
import { moved } from './text-view-models.js';

/** xray's object caches, shared by every xray view. */
const XRAY_OBJECTS: ObjectMode = { name: 'xray', transform: slimObject };

/** How often the tree is rebuilt at most while objects change. */
const REBUILD_MS = 500;

/**
 * After a rebuild that took T ms, the next waits at least this many times T: a tree of tens of
 * thousands of pods under churn then costs at most a fifth of a core, whatever its size.
 */
const REBUILD_COST_FACTOR = 4;

export class XrayViewModel {
  readonly kind = 'xray';
  readonly id = viewId();
  /** The selected line, kept by node id as the tree changes. */
  selectedId: string | undefined;
  selectedIndex = 0;
  offset = 0;
  allCollapsed = false;
  readonly flipped = new Set<string>();
  private readonly objects = new Map<string, SharedInformer>();
  private readonly refs = new Map<string, SharedInformer>();
  private releases: Array<() => void> = [];
  private rebuilds: FrameScheduler | undefined;
  private dirty = true;
  private tree: XrayNode[] = [];
  private cachedLines: XrayLine[] | undefined;
  private lastBuildAt = 0;
  private lastBuildMs = 0;
  private laterTimer: NodeJS.Timeout | undefined;
  private onFrame: () => void = () => undefined;

  constructor(
    readonly root: XrayRoot,
    /** '' for every namespace. */
    readonly namespace: string,
  ) {}

  get attached(): boolean {
    return this.rebuilds !== undefined;
  }

  /** Follows the informers the tree needs. */
  attach(pool: InformerPool, onFrame: () => void): void {
    this.detach();
    const rebuilds = new FrameScheduler(() => {
      this.dirty = true;
      onFrame();
    }, REBUILD_MS);
    this.rebuilds = rebuilds;
    this.onFrame = onFrame;
    const listener = {
      onChange: () => rebuilds.schedule(),
      onState: () => rebuilds.schedule(),
      onFatal: () => rebuilds.schedule(),
    };
    const scope = (resource: string) => ({
      ref: XRAY_REFS[resource] ?? PODS_REF,
      namespace: this.namespace,
    });
    const objectTypes = new Set<string>([this.root, ...XRAY_ROOTS[this.root], 'pods']);
    for (const resource of objectTypes) {
      const { shared, release } = pool.acquire(scope(resource), listener, XRAY_OBJECTS);
      this.objects.set(resource, shared);
      this.releases.push(release);
    }
    for (const resource of REF_RESOURCES) {
      const { shared, release } = pool.acquire(scope(resource), listener);
      this.refs.set(resource, shared);
      this.releases.push(release);
    }
    this.dirty = true;
  }

  detach(): void {
    clearTimeout(this.laterTimer);
    this.laterTimer = undefined;
    this.rebuilds?.cancel();
    this.rebuilds = undefined;
    for (const release of this.releases) release();
    this.releases = [];
    this.objects.clear();
    this.refs.clear();
  }

  /** The tree's lines (rebuilt first if objects changed). */
  lines(): XrayLine[] {
    if (this.dirty && this.mayRebuild()) {
      this.dirty = false;
      const started = performance.now();
      this.tree = this.build();
      this.lastBuildMs = performance.now() - started;
      this.lastBuildAt = Date.now();
      this.cachedLines = undefined;
    }
    this.cachedLines ??= flattenTree(this.tree, this.collapse());
    return this.cachedLines;
  }

  /** Whether the last rebuild is long enough ago; if not, a frame is asked for when it is. */
  private mayRebuild(): boolean {
    const wait = this.lastBuildAt + REBUILD_COST_FACTOR * this.lastBuildMs - Date.now();
    if (wait <= 0 || this.tree.length === 0) return true;
    if (this.laterTimer === undefined && this.attached) {
      this.laterTimer = setTimeout(() => {
        this.laterTimer = undefined;
        this.onFrame();
      }, wait);
      this.laterTimer.unref();
    }
    return false;
  }

  /** Whether an informer of the tree's objects has not listed yet. */
  loading(): boolean {
    return [...this.objects.values()].some(
      (s) => s.informer.state.lists === 0 && s.fatal === undefined,
    );
  }

  /** Why the tree's objects cannot be listed (the first such error), or ''. */
  error(): string {
    const failed = [...this.objects.values()].find((s) => s.fatal !== undefined);
    if (!failed) return '';
    return failed.fatal instanceof Error ? failed.fatal.message : String(failed.fatal);
  }

  /** How many objects of the root type the tree shows. */
  count(): number {
    return this.tree.reduce((sum, ns) => sum + ns.children.length, 0);
  }

  private collapse(): Collapse {
    return { allCollapsed: this.allCollapsed, flipped: this.flipped };
  }

  private build(): XrayNode[] {
    const objects = new Map<string, KubeObject[]>();
    for (const [resource, shared] of this.objects)
      objects.set(
        resource,
        [...shared.informer.items.values()].map((item) => item.object),
      );
    const names = new Map<string, Set<string>>();
    for (const [resource, shared] of this.refs) {
      // Not listed yet (or not allowed): references are not marked missing.
      if (shared.informer.state.lists === 0) continue;
      const known = new Set<string>();
      for (const item of shared.informer.items.values())
        known.add(`${item.object.metadata?.namespace ?? ''}/${item.object.metadata?.name ?? ''}`);
      names.set(resource, known);
    }
    return buildXrayTree({ root: this.root, objects, names });
  }

  /** The index of the selected line. */
  selected(): number {
    const lines = this.lines();
    const found = this.selectedId ? lines.findIndex((l) => l.node.id === this.selectedId) : -1;
    return found >= 0 ? found : Math.min(this.selectedIndex, Math.max(0, lines.length - 1));
  }

  selectedNode(): XrayNode | undefined {
    return this.lines()[this.selected()]?.node;
  }

  private select(index: number): void {
    const lines = this.lines();
    const line = lines[Math.max(0, Math.min(index, lines.length - 1))];
    if (!line) return;
    this.selectedId = line.node.id;
    this.selectedIndex = lines.indexOf(line);
  }

  move(move: Move, height: number): void {
    const last = Math.max(0, this.lines().length - 1);
    this.select(moved(this.selected(), move, last, height - 1));
  }

  /** space: collapses or expands the selected node. */
  toggle(): void {
    const line = this.lines()[this.selected()];
    if (!line || line.node.children.length === 0) return;
    if (!this.flipped.delete(line.node.id)) this.flipped.add(line.node.id);
    this.cachedLines = undefined;
  }

  /** x: collapses everything below the namespaces, or expands everything again. */
  toggleAll(): void {
    this.allCollapsed = !this.allCollapsed;
    this.flipped.clear();
    this.cachedLines = undefined;
    // The selection stays on its line if still shown, else on its nearest shown ancestor.
    const id = this.selectedId;
    if (!id || this.lines().some((l) => l.node.id === id)) return;
    const ancestor = this.lines()
      .map((l) => l.node.id)
      .filter((candidate) => id.startsWith(`${candidate}>`))
      .pop();
    if (ancestor) this.selectedId = ancestor;
  }
}

/** The xray tree as the lines on screen: the nodes that are not inside a collapsed node. */
import type { XrayNode } from './xray-tree.js';

/** One line of the tree. */
export interface XrayLine {
  node: XrayNode;
  depth: number;
  /** The tree's guide before the node: `│  ├─ `. */
  guide: string;
  collapsed: boolean;
}

/** Which nodes are collapsed: every node below the namespaces (x), flipped per node (space). */
export interface Collapse {
  allCollapsed: boolean;
  flipped: ReadonlySet<string>;
}

/** Whether a node at a depth is collapsed (namespaces are open unless flipped). */
export function isCollapsed(collapse: Collapse, node: XrayNode, depth: number): boolean {
  const byDefault = depth > 0 && collapse.allCollapsed;
  return byDefault !== collapse.flipped.has(node.id);
}

/** The lines of the open part of the tree, depth first. */
export function flattenTree(roots: readonly XrayNode[], collapse: Collapse): XrayLine[] {
  const lines: XrayLine[] = [];
  const walk = (nodes: readonly XrayNode[], depth: number, indent: string): void => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      const guide = depth === 0 ? '' : `${indent}${last ? '└─ ' : '├─ '}`;
      const collapsed = node.children.length > 0 && isCollapsed(collapse, node, depth);
      lines.push({ node, depth, guide, collapsed });
      if (!collapsed && node.children.length > 0) {
        const childIndent = depth === 0 ? '' : `${indent}${last ? '   ' : '│  '}`;
        walk(node.children, depth + 1, childIndent);
      }
    });
  };
  walk(roots, 0, '');
  return lines;
}

/** k9s's status words after a title (none when all is well). */
const STATUS_TEXT: Record<XrayNode['status'], string> = {
  ok: '',
  completed: '',
  toast: 'TOAST',
  noref: 'TOAST_REF',
};

/** A node's text as k9s titles it: `deployment/web(2) [3/3/0]  TOAST`. */
export function nodeTitle(node: XrayNode): string {
  const kind = node.resource.replace(/s$/, '');
  const count = node.children.length > 0 ? `(${node.children.length})` : '';
  const info = node.info !== '' ? ` [${node.info}]` : '';
  const status = STATUS_TEXT[node.status];
  return `${kind}/${node.name}${count}${info}${status !== '' ? `  ${status}` : ''}`;
}

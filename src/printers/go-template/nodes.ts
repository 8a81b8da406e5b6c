/** Parse-tree nodes of a Go template and their String() forms (used in error contexts). */
import { quoteGo } from '../jsonpath/go-strings.js';

/** An operand of a command. */
export type ArgNode =
  | { type: 'field'; pos: number; idents: string[] }
  | { type: 'variable'; pos: number; idents: string[] }
  | { type: 'chain'; pos: number; node: ArgNode; fields: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; int?: number; float?: number }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | PipeNode;

/** One command of a pipeline: a function or value and its arguments. */
export interface CommandNode {
  type: 'command';
  pos: number;
  args: ArgNode[];
}

/** A pipeline, with the variables it declares or assigns. */
export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: string[];
  cmds: CommandNode[];
}

/** A list of nodes. */
export interface ListNode {
  type: 'list';
  pos: number;
  nodes: TemplateNode[];
}

/** {{if}}, {{with}} or {{range}} with its lists. */
export interface ControlNode {
  type: 'if' | 'with' | 'range';
  pos: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}

/** A node of a template body. */
export type TemplateNode =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: PipeNode }
  | ControlNode
  | { type: 'template'; pos: number; name: string; pipe?: PipeNode }
  | { type: 'break' | 'continue'; pos: number }
  | ListNode;

/** Any node that can be the subject of an error. */
export type AnyNode = TemplateNode | ArgNode | CommandNode | PipeNode;

function argString(node: ArgNode): string {
  switch (node.type) {
    case 'field':
      return node.idents.map((i) => `.${i}`).join('');
    case 'variable':
      return node.idents.join('.');
    case 'chain': {
      const inner = node.node.type === 'pipe' ? `(${nodeString(node.node)})` : argString(node.node);
      return inner + node.fields.map((f) => `.${f}`).join('');
    }
    case 'identifier':
      return node.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'pipe':
      return pipeString(node);
  }
}

function commandString(cmd: CommandNode): string {
  return cmd.args.map((a) => (a.type === 'pipe' ? `(${pipeString(a)})` : argString(a))).join(' ');
}

function pipeString(pipe: PipeNode): string {
  const decl = pipe.decl.length > 0 ? `${pipe.decl.join(', ')} ${pipe.isAssign ? '=' : ':='} ` : '';
  return decl + pipe.cmds.map(commandString).join(' | ');
}

function listString(list: ListNode): string {
  return list.nodes.map(nodeString).join('');
}

/** Go's Node.String() of any node. */
export function nodeString(node: AnyNode): string {
  switch (node.type) {
    case 'text':
      return quoteGo(node.text);
    case 'action':
      return `{{${pipeString(node.pipe)}}}`;
    case 'if':
    case 'with':
    case 'range': {
      const elseText = node.elseList ? `{{else}}${listString(node.elseList)}` : '';
      return `{{${node.type} ${pipeString(node.pipe)}}}${listString(node.list)}${elseText}{{end}}`;
    }
    case 'template':
      return node.pipe
        ? `{{template ${quoteGo(node.name)} ${pipeString(node.pipe)}}}`
        : `{{template ${quoteGo(node.name)}}}`;
    case 'break':
    case 'continue':
      return `{{${node.type}}}`;
    case 'list':
      return listString(node);
    case 'command':
      return commandString(node);
    default:
      return argString(node);
  }
}

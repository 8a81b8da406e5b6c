import { Box, Text } from 'ink';
import type { XrayViewModel } from '../controller/xray-view-model.js';
import { nodeTitle } from '../model/xray/xray-lines.js';
import type { XrayNode } from '../model/xray/xray-tree.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';
import { scrollOffset } from './scroll.js';

/** The colour role of a node's status. */
const TONES: Record<XrayNode['status'], string | undefined> = {
  ok: undefined,
  completed: 'done',
  toast: 'bad',
  noref: 'waiting',
};

/** `:xray TYPE`: the tree's lines that fit, the selected one inverse. */
export function XrayView(props: { view: XrayViewModel; height: number; width: number }) {
  const c = useColour();
  const { view, height, width } = props;
  const lines = view.lines();
  const selected = view.selected();
  view.offset = scrollOffset(view.offset, selected, height, lines.length);
  const error = view.error();
  const state = error ? `  error: ${error}` : view.loading() ? '  loading…' : '';
  const scope = view.namespace === '' ? 'all' : view.namespace;
  const title = `xray-${view.root}(${scope})[${view.count()}]${state}`;
  const empty = view.loading() ? 'loading…' : `(no ${view.root})`;
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={c(error ? 'error' : 'title')} bold>
        {fit(title, width)}
      </Text>
      {lines.length === 0 && !error ? <Text dimColor>{empty}</Text> : null}
      {lines.slice(view.offset, view.offset + height).map((line, i) => {
        const index = view.offset + i;
        const toggle = line.node.children.length === 0 ? '' : line.collapsed ? '+ ' : '- ';
        return (
          <Text
            key={line.node.id}
            wrap="truncate"
            inverse={index === selected}
            color={c(TONES[line.node.status])}
            bold={line.depth === 0}
          >
            {fit(`${line.guide}${toggle}${nodeTitle(line.node)}`, width)}
          </Text>
        );
      })}
    </Box>
  );
}

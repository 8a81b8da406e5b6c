import { Box, Text } from 'ink';
import type { ForwardsViewModel } from '../controller/forwards-view-model.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';
import { ResourceTable } from './ResourceTable.js';
import { scrollOffset } from './scroll.js';

/** `:pf`: the port-forwards the dashboard holds. */
export function ForwardsView(props: {
  view: ForwardsViewModel;
  now: number;
  height: number;
  width: number;
}) {
  const c = useColour();
  const { view, height, width } = props;
  const snapshot = view.snapshot();
  const selected = view.selected();
  view.offset = scrollOffset(view.offset, selected, height, snapshot.rows.length);
  const marked = view.marks.size > 0 ? `  marked:${view.markedRows().length}` : '';
  return (
    <Box flexDirection="column" height={height + 2}>
      <Text wrap="truncate" color={c('title')} bold>
        {fit(`portforwards[${snapshot.total}]  (ctrl-d: stop)${marked}`, width)}
      </Text>
      <ResourceTable
        snapshot={snapshot}
        offset={view.offset}
        selected={selected}
        height={height}
        width={width}
        now={props.now}
        empty="(no port-forwards: shift-f on a pod, workload or Service row starts one)"
        marks={view.marks}
      />
    </Box>
  );
}

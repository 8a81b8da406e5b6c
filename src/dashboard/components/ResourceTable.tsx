import { Box, Text } from 'ink';
import { memo } from 'react';
import type { TableSnapshot } from '../model/table-model.js';
import type { RowTone } from '../model/types.js';
import { useColour } from './colour.js';
import { fit, headerLine, rowLine } from './format-row.js';

const TONE_COLOUR: Record<RowTone, string | undefined> = {
  normal: undefined,
  good: 'green',
  waiting: 'yellow',
  bad: 'red',
  done: 'gray',
};

/** Props of ResourceTable. */
export interface ResourceTableProps {
  snapshot: TableSnapshot;
  /** Index (in snapshot.rows) of the first row drawn. */
  offset: number;
  selected: number;
  /** How many rows fit (the table never draws more). */
  height: number;
  width: number;
  now: number;
  sortColumn?: string;
  descending?: boolean;
  /** What to say when there is no row to draw (loading…, no rows, none match). */
  empty?: string;
}

const Row = memo(function Row(props: { line: string; tone: RowTone; selected: boolean }) {
  const c = useColour();
  return (
    <Text wrap="truncate" color={c(TONE_COLOUR[props.tone])} inverse={props.selected}>
      {props.line}
    </Text>
  );
});

/** The table: a header and only the rows that fit on screen (virtualised), padded to its height. */
export function ResourceTable(props: ResourceTableProps) {
  const { snapshot, offset, height, width } = props;
  const visible = snapshot.rows.slice(offset, offset + height);
  const blanks = Math.max(0, height - visible.length);
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" bold>
        {headerLine(snapshot, width, props.sortColumn, props.descending)}
      </Text>
      {visible.map((row, i) => {
        const selected = offset + i === props.selected;
        const line = rowLine(snapshot, row, width, props.now, selected);
        return <Row key={row.uid} line={line} tone={row.tone} selected={selected} />;
      })}
      {blanks > 0 && visible.length === 0 ? (
        <Text dimColor>{fit(props.empty ?? '(no rows)', width)}</Text>
      ) : null}
    </Box>
  );
}

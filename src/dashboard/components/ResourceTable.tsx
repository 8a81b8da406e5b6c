import { Box, Text } from 'ink';
import { memo } from 'react';
import type { TableSnapshot } from '../model/table-model.js';
import type { RowTone } from '../model/types.js';
import { useColour } from './colour.js';
import { fit, headerLine, rowLine } from './format-row.js';

/** The colour role of each tone (the role names the tone, but normal is the terminal's). */
const TONE_COLOUR: Record<RowTone, string | undefined> = {
  normal: undefined,
  good: 'good',
  waiting: 'waiting',
  bad: 'bad',
  done: 'done',
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
  /** The uids of the marked rows (space). */
  marks?: ReadonlySet<string>;
}

const Row = memo(function Row(props: {
  line: string;
  tone: RowTone;
  selected: boolean;
  marked: boolean;
}) {
  const c = useColour();
  // Marked rows stand out as k9s draws them: their own colour, and bold for NO_COLOR terminals.
  const colour = props.marked ? 'marked' : TONE_COLOUR[props.tone];
  return (
    <Text wrap="truncate" color={c(colour)} inverse={props.selected} bold={props.marked}>
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
        const marked = props.marks?.has(row.uid) === true;
        return (
          <Row key={row.uid} line={line} tone={row.tone} selected={selected} marked={marked} />
        );
      })}
      {blanks > 0 && visible.length === 0 ? (
        <Text dimColor>{fit(props.empty ?? '(no rows)', width)}</Text>
      ) : null}
    </Box>
  );
}

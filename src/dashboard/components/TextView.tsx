import { Box, Text } from 'ink';
import type { TextViewModel } from '../controller/text-view-models.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

/** What the title says about the `/` search: `/text [2/5]`, or that nothing matches. */
function searchText(view: TextViewModel): string {
  if (view.search === '') return '';
  if (view.matches.length === 0) return `  /${view.search} [no match]`;
  return `  /${view.search} [${view.match + 1}/${view.matches.length}]`;
}

/** One line from the first column on screen, the search's matches inverse. */
function TextLine(props: { line: string; search: string; width: number }) {
  const { line, search, width } = props;
  const shown = fit(line, width);
  if (search === '') return <Text wrap="truncate">{shown}</Text>;
  const lower = shown.toLowerCase();
  const needle = search.toLowerCase();
  const parts: Array<{ text: string; match: boolean }> = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    parts.push({ text: shown.slice(from, at), match: false });
    parts.push({ text: shown.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  parts.push({ text: shown.slice(from), match: false });
  return (
    <Text wrap="truncate">
      {parts.map((part, i) => (
        <Text key={i} inverse={part.match}>
          {part.text}
        </Text>
      ))}
    </Text>
  );
}

/** A scrollable text (YAML, describe): only the lines that fit, from the first column shown. */
export function TextView(props: { view: TextViewModel; height: number; width: number }) {
  const c = useColour();
  const { view, height, width } = props;
  const count = view.lines?.length ?? 0;
  const columns = view.left > 0 ? `  col ${view.left + 1}` : '';
  const status = view.error
    ? `error: ${view.error}`
    : view.lines
      ? `${view.top + 1}-${Math.min(count, view.top + height)} of ${count}`
      : 'loading…';
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" color={c(view.error ? 'error' : 'title')} bold>
        {fit(`${view.title}  [${status}]${columns}${searchText(view)}`, width)}
      </Text>
      {(view.lines ?? []).slice(view.top, view.top + height).map((line, i) => (
        <TextLine
          key={view.top + i}
          line={line.replace(/\t/g, '    ').slice(view.left)}
          search={view.search}
          width={width}
        />
      ))}
    </Box>
  );
}

import { Text } from 'ink';
import { useColour } from './colour.js';
import { fit } from './format-row.js';

/** What the bottom line shows: a prompt being typed, a question, or the last message. */
export type FooterState =
  | { kind: 'prompt'; prefix: ':' | '/'; text: string; suggestion: string; others: string[] }
  | { kind: 'question'; text: string; answer: string }
  | { kind: 'message'; text: string; error: boolean }
  | { kind: 'idle'; hint: string };

/** The bottom line of the screen. */
export function Footer(props: { state: FooterState; width: number }) {
  const c = useColour();
  const { state, width } = props;
  if (state.kind === 'prompt') {
    const typed = `${state.prefix}${state.text}`;
    const rest = state.suggestion.startsWith(state.text)
      ? state.suggestion.slice(state.text.length)
      : '';
    const others = state.others.length > 0 ? `   ${state.others.join(' ')}` : '';
    return (
      <Text wrap="truncate">
        <Text bold>{typed}</Text>
        <Text inverse> </Text>
        <Text dimColor>{fit(`${rest}${others}`, Math.max(0, width - typed.length - 1))}</Text>
      </Text>
    );
  }
  if (state.kind === 'question')
    return (
      <Text wrap="truncate" color={c('question')} bold>
        {fit(`${state.text} ${state.answer}█`, width)}
      </Text>
    );
  if (state.kind === 'message')
    return (
      <Text wrap="truncate" color={c(state.error ? 'error' : 'message')}>
        {fit(state.text, width)}
      </Text>
    );
  return (
    <Text wrap="truncate" dimColor>
      {fit(state.hint, width)}
    </Text>
  );
}

import { Box } from 'ink';
import type { DashController } from '../controller/dash-controller.js';
import { promptCompletions } from '../controller/key-handlers.js';
import { useClock } from '../hooks/use-clock.js';
import { useController } from '../hooks/use-controller.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { Palette } from './colour.js';
import { ColourContext } from './colour.js';
import { connectionText } from './connection-text.js';
import { DialogView } from './DialogView.js';
import type { FooterState } from './Footer.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ViewSwitch } from './ViewSwitch.js';

const HINT =
  '<:> command  </> filter  <d> describe  <y> yaml  <l> logs  <enter> drill  <esc> back  <?> help  <q> quit';

/** The bottom line: the prompt being typed, a question, the last message, or the key hint. */
function footerState(app: DashController): FooterState {
  if (app.mode === 'command' || app.mode === 'filter') {
    const completions = promptCompletions(app);
    return {
      kind: 'prompt',
      prefix: app.mode === 'command' ? ':' : '/',
      text: app.prompt,
      suggestion: completions[0] ?? '',
      others: completions.slice(1, 8),
    };
  }
  if (app.mode === 'question' && app.question)
    return { kind: 'question', text: app.question.text, answer: app.question.answer };
  if (app.message) return { kind: 'message', ...app.message };
  return { kind: 'idle', hint: HINT };
}

/** The dashboard's screen: header, the top view of the stack, the bottom line. */
export function App(props: { controller: DashController; colour: Palette | boolean }) {
  const app = props.controller;
  useController(app);
  const { columns, rows } = useTerminalSize();
  app.resize(columns, rows);
  const now = useClock();
  const { state, fatal, health } = app.connection();
  return (
    <ColourContext.Provider value={props.colour}>
      <Box flexDirection="column" width={columns} height={rows - 1}>
        <Header
          context={app.session.contextName}
          cluster={app.session.clusterName}
          serverVersion={app.serverVersion}
          namespace={app.namespace}
          favourites={app.favourites}
          connection={connectionText(state, fatal, now, health)}
          readonly={app.session.readonly}
          width={columns}
        />
        {app.mode === 'help' ? (
          <HelpOverlay
            height={app.tableHeight + 2}
            width={columns}
            readonly={app.session.readonly}
            offset={app.helpOffset}
            keymap={app.keymap}
          />
        ) : app.mode === 'dialog' && app.dialog ? (
          <DialogView dialog={app.dialog} height={app.tableHeight + 2} width={columns} />
        ) : (
          <ViewSwitch view={app.top} now={now} height={app.tableHeight} width={columns} />
        )}
        <Footer state={footerState(app)} width={columns} />
      </Box>
    </ColourContext.Provider>
  );
}

import { Box, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { InformerState } from '../../resources/informer.js';
import { useClock } from '../hooks/use-clock.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { completeCommand, parseCommand } from '../model/commands.js';
import { discoverTypes } from '../model/discovery-types.js';
import { rememberNamespace } from '../model/favourites.js';
import type { Session } from '../model/session.js';
import { serverVersion } from '../model/session.js';
import type { TableViewState, ViewState } from '../model/views.js';
import { bodyHeight, viewId } from '../model/views.js';
import type { Question } from './app-actions.js';
import { tableActions } from './app-actions.js';
import { connectionText, errorText } from './connection-text.js';
import type { FooterState } from './Footer.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { editText } from './prompt-editing.js';
import { ViewSwitch } from './ViewSwitch.js';

/** Props of App. */
export interface AppProps {
  session: Session;
  initial: TableViewState;
  /** Opens a session on another context (`:ctx`). */
  switchContext: (name: string) => Promise<Session>;
}

type Mode = 'normal' | 'command' | 'filter' | 'help' | 'question';

/** The dashboard: header, the top view of the stack, the bottom line; every global key. */
export function App(props: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const now = useClock();
  const [session, setSession] = useState(props.session);
  const [version, setVersion] = useState('');
  const [namespace, setNamespace] = useState(props.initial.scope.namespace);
  const [favourites, setFavourites] = useState(() =>
    rememberNamespace(session.favourites, namespace),
  );
  const [stack, setStack] = useState<ViewState[]>([props.initial]);
  const [mode, setMode] = useState<Mode>('normal');
  const [input, setInput] = useState('');
  const [question, setQuestion] = useState<Question | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [connection, setConnection] = useState<{
    state: InformerState | undefined;
    fatal: unknown;
  }>({ state: undefined, fatal: undefined });
  const [helpOffset, setHelpOffset] = useState(0);
  const top = stack[stack.length - 1] as ViewState;
  const height = bodyHeight(rows);

  useEffect(() => {
    let live = true;
    void serverVersion(session.client).then((v) => live && setVersion(v));
    return () => {
      live = false;
    };
  }, [session]);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(undefined), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const say = useCallback((text: string, error = false) => setMessage({ text, error }), []);
  const push = useCallback((view: ViewState) => setStack((s) => [...s, view]), []);
  const updateTop = useCallback(
    (patch: Partial<TableViewState>) =>
      setStack((s) =>
        s.map((v, i) => (i === s.length - 1 && v.kind === 'table' ? { ...v, ...patch } : v)),
      ),
    [],
  );
  const useNamespace = useCallback(
    (ns: string, showPods: boolean) => {
      setNamespace(ns);
      setFavourites((f) => rememberNamespace(f, ns));
      setStack((s) => {
        const base = s.filter((v) => !(v.kind === 'table' && v.picksNamespace));
        const moved = base.map((v) =>
          v.kind === 'table' && !v.pinnedNamespace && v.scope.ref.namespaced
            ? { ...v, scope: { ...v.scope, namespace: ns }, selectedUid: undefined }
            : v,
        );
        if (!showPods) return moved.length > 0 ? moved : s;
        const pods = session.catalog.resolve('pods');
        return pods ? [...moved, tableView(pods.ref, ns)] : moved;
      });
    },
    [session],
  );
  const actions = useMemo(
    () =>
      tableActions({
        session,
        push,
        say,
        useNamespace,
        ask: (q) => (setQuestion(q), setMode('question')),
      }),
    [session, push, say, useNamespace],
  );
  const onConnection = useCallback(
    (state: InformerState | undefined, fatal: unknown) => setConnection({ state, fatal }),
    [],
  );

  const changeContext = (name: string): void => {
    say(`switching to context ${name}…`);
    props.switchContext(name).then(
      (next) => {
        setSession(next);
        setNamespace(next.defaultNamespace);
        setFavourites(rememberNamespace(next.favourites, next.defaultNamespace));
        const pods = next.catalog.resolve('pods');
        if (pods) setStack([tableView(pods.ref, next.defaultNamespace)]);
        say(`context ${name}`);
      },
      (error: unknown) =>
        say(`context ${name}: ${error instanceof Error ? error.message : String(error)}`, true),
    );
  };

  const runCommand = (text: string, retried = false): void => {
    const command = parseCommand(text, session.catalog);
    switch (command.kind) {
      case 'quit':
        return exit();
      case 'help':
        return setMode('help');
      case 'namespaces': {
        const ref = session.catalog.resolve('namespaces')?.ref;
        if (ref)
          push({ ...tableView(ref, ''), picksNamespace: true, title: 'namespaces (enter: use)' });
        return;
      }
      case 'namespace':
        return useNamespace(command.name, false);
      case 'contexts':
        return push({
          kind: 'pick',
          id: viewId(),
          title: 'contexts (enter: switch)',
          items: session.contexts,
          current: session.contextName,
          onPick: changeContext,
        });
      case 'context':
        return changeContext(command.name);
      case 'resource': {
        const ns = command.namespace ?? namespace;
        if (command.namespace !== undefined) setNamespace(ns);
        return push(tableView(command.entry.ref, ns));
      }
      case 'unknown':
        if (retried) return say(`unknown command or resource type: ${command.text}`, true);
        say(`looking up ${command.text}…`);
        discoverTypes(session.factory, true).then(
          (entries) => {
            session.catalog.replace(entries);
            runCommand(text, true);
          },
          (error: unknown) => say(errorText(error), true),
        );
        return;
    }
  };

  const completions =
    mode === 'command' ? completeCommand(input, session.catalog, session.contexts) : [];

  useInput((text, key) => {
    if (key.ctrl && text === 'c') return exit();
    if (mode === 'command' || mode === 'filter') {
      if (key.escape) return setMode('normal');
      if (key.tab && completions[0]) return setInput(completions[0]);
      if (key.return) {
        setMode('normal');
        if (mode === 'command') return runCommand(input);
        return updateTop({ filter: input.trim(), selectedUid: undefined, selectedIndex: 0 });
      }
      const next = editText(input, text, key);
      if (next !== undefined) setInput(next);
      return;
    }
    if (mode === 'question' && question) {
      if (key.escape || (key.return && !question.numeric) || (!question.numeric && text !== '')) {
        setMode('normal');
        setQuestion(undefined);
        return question.onAnswer(key.escape ? '' : key.return ? question.answer : text);
      }
      if (key.return) {
        setMode('normal');
        setQuestion(undefined);
        return question.onAnswer(question.answer);
      }
      const next = editText(question.answer, text, key, true);
      if (next !== undefined) setQuestion({ ...question, answer: next });
      return;
    }
    if (mode === 'help') {
      if (key.escape || text === '?' || text === 'q') return setMode('normal');
      if (key.downArrow || text === 'j') setHelpOffset((o) => o + 1);
      if (key.upArrow || text === 'k') setHelpOffset((o) => Math.max(0, o - 1));
      return;
    }
    if (text === 'q') return exit();
    if (text === '?') return (setHelpOffset(0), setMode('help'));
    // A pasted or fast-typed chunk (":deploy") arrives as one input: keep what follows the key.
    if (text.startsWith(':')) return (setInput(text.slice(1)), setMode('command'));
    if (text.startsWith('/') && top.kind === 'table')
      return (setInput(text.length > 1 ? text.slice(1) : top.filter), setMode('filter'));
    if (key.escape) {
      if (top.kind === 'table' && top.filter !== '') return updateTop({ filter: '' });
      if (stack.length > 1) setStack((s) => s.slice(0, -1));
      return;
    }
    if (top.kind === 'table' && /^[0-9]$/.test(text)) {
      const ns = text === '0' ? '' : favourites[Number(text) - 1];
      if (ns !== undefined) useNamespace(ns, false);
    }
  });

  const footer: FooterState =
    mode === 'command' || mode === 'filter'
      ? {
          kind: 'prompt',
          prefix: mode === 'command' ? ':' : '/',
          text: input,
          suggestion: completions[0] ?? '',
          others: completions.slice(1, 8),
        }
      : mode === 'question' && question
        ? { kind: 'question', text: question.text, answer: question.answer }
        : message
          ? { kind: 'message', text: message.text, error: message.error }
          : {
              kind: 'idle',
              hint: '<:> command  </> filter  <d> describe  <y> yaml  <l> logs  <enter> drill  <esc> back  <?> help  <q> quit',
            };

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header
        context={session.contextName}
        cluster={session.clusterName}
        serverVersion={version}
        namespace={namespace}
        favourites={favourites}
        connection={connectionText(connection.state, connection.fatal, now)}
        readonly={session.readonly}
        width={columns}
      />
      {mode === 'help' ? (
        <HelpOverlay
          height={height + 2}
          width={columns}
          readonly={session.readonly}
          offset={helpOffset}
        />
      ) : (
        <ViewSwitch
          key={`${session.contextName}:${top.id}`}
          view={top}
          session={session}
          now={now}
          height={height}
          width={columns}
          active={mode === 'normal'}
          actions={actions}
          onUpdate={updateTop}
          onConnection={onConnection}
          onReplace={(view) => setStack((s) => [...s.slice(0, -1), view])}
        />
      )}
      <Footer state={footer} width={columns} />
    </Box>
  );
}

/** A table of a type in a namespace ('' = all). */
export function tableView(ref: TableViewState['scope']['ref'], namespace: string): TableViewState {
  return {
    kind: 'table',
    id: viewId(),
    scope: { ref, namespace },
    pinnedNamespace: false,
    filter: '',
    wide: false,
  };
}

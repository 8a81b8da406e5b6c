import type { Instance } from 'ink';
import { render } from 'ink';
import type { Factory } from '../runtime/factory.js';
import { NoResourceTypeError, PlainError, SilentExit } from '../errors/errors.js';
import type { ResourceRef } from '../resources/resource-ref.js';
import { PODS_REF } from '../resources/resource-ref.js';
import { loadKtlPreferences } from '../config/ktl-preferences.js';
import { colorAllowed } from '../util/io-streams.js';
import { App } from './components/App.js';
import type { Palette } from './components/colour.js';
import { paletteWith } from './components/colour.js';
import { DashController } from './controller/dash-controller.js';
import { keyHandlers } from './controller/key-handlers.js';
import { TableViewModel } from './controller/table-view-model.js';
import { DEFAULT_KEYMAP } from './input/keymap.js';
import { closeSession, openSession } from './model/session.js';
import type { Session } from './model/session.js';
import { enterAlternateScreen, onTerminationSignals } from './terminal/alternate-screen.js';
import { FrameStats } from './terminal/frame-stats.js';

/** How `ktl dash` (or `ktl get TYPE -w --tui`) opens the dashboard. */
export interface DashboardOptions {
  /** The type to show first (any name kubectl accepts for it); else the preferences' defaultView, else pods. */
  type?: string;
  /** -A: every namespace. */
  allNamespaces?: boolean;
  /** --readonly: no delete, scale or restart. */
  readonly?: boolean;
  /** Terminal streams (tests pass fake ones); the factory's by default. */
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

/**
 * Runs the live dashboard until the user quits: in the alternate screen, which is restored
 * on every way out (q, Ctrl-C, a crash, SIGTERM). A signal ends it with 128 + the signal's
 * number as the exit code.
 */
export async function runDashboard(
  factory: Factory,
  options: DashboardOptions = {},
): Promise<void> {
  const stdout = options.stdout ?? (factory.streams.out as NodeJS.WriteStream);
  const stdin = options.stdin ?? (factory.streams.in as NodeJS.ReadStream);
  if (!stdout.isTTY || !stdin.isTTY)
    throw new PlainError('the dashboard needs a terminal (stdin and stdout must be a TTY)');
  const messages: string[] = [];
  const sessions: Session[] = [];
  const open = async (contextName?: string): Promise<Session> => {
    const session = await openSession(
      factory,
      factory.streams,
      {
        readonly: options.readonly === true,
        ...(contextName !== undefined ? { contextName } : {}),
        ...(options.allNamespaces ? { namespace: '' } : {}),
      },
      (text) => messages.push(text),
    );
    const previous = sessions.pop();
    sessions.push(session);
    if (previous) void closeSession(previous);
    return session;
  };
  // ktl's preferences: the first view, keys and colours; what cannot be used is said on the
  // message line once the dashboard is up (the alternate screen would hide stderr).
  const warnings: string[] = [];
  const preferences = await loadKtlPreferences(factory.env, (text) => warnings.push(text.trim()));
  const { keymap, warnings: keyWarnings } = DEFAULT_KEYMAP.withKeys(preferences.dashboard.keys);
  const { palette, warnings: colourWarnings } = paletteWith(
    colorAllowed(stdout, factory.env),
    preferences.dashboard.colors,
  );
  warnings.push(...keyWarnings, ...colourWarnings);
  const session = await open();
  const mapping = await firstType(
    session,
    options.type,
    preferences.dashboard.defaultView,
    warnings,
  );
  const initial = new TableViewModel({
    scope: { ref: mapping, namespace: session.defaultNamespace },
  });
  let instance: Instance | undefined;
  /** A job that needs the terminal (shell, editor): run between two Ink instances. */
  let handover: (() => Promise<void>) | undefined;
  const controller = new DashController(
    session,
    initial,
    {
      exit: () => instance?.unmount(),
      switchContext: open,
      handOver: (job) =>
        new Promise<void>((resolve, reject) => {
          handover = () => job().then(resolve, reject);
          instance?.unmount();
        }),
    },
    keyHandlers,
  );
  controller.keymap = keymap;
  const screen = enterAlternateScreen(stdout, stdin);
  let signalCode = 0;
  const statsFile = factory.env['KTL_DASH_STATS'];
  const stats = statsFile ? new FrameStats(statsFile) : undefined;
  if (stats) stdin.prependListener('readable', stats.onKey);
  const stopSignals = onTerminationSignals((code) => {
    // While a shell or editor has the terminal, Ctrl-C is theirs (it reaches the whole group).
    if (handover && code === 130) return;
    signalCode = code;
    handover = undefined;
    instance?.unmount();
  });
  controller.start();
  if (warnings.length > 0)
    controller.say(warnings.map((w) => w.replace(/^Warning: /, '')).join('; '), true);
  try {
    for (;;) {
      instance = draw(controller, stdout, stdin, palette, stats);
      await instance.waitUntilExit();
      instance.cleanup();
      const job = handover;
      if (!job || signalCode !== 0) break;
      screen.suspend();
      // Ink stopped listening but the stream may still be reading the terminal: stop it, or it
      // takes the keys meant for the shell or editor.
      stdin.pause();
      await job().catch(() => undefined);
      handover = undefined;
      screen.resume();
    }
  } finally {
    stopSignals();
    instance?.cleanup();
    screen.restore();
    stats?.write();
    controller.stop();
    await Promise.all(sessions.map(closeSession));
  }
  if (signalCode !== 0) throw new SilentExit(signalCode);
}

/**
 * The first view: the type given on the command line, else the preferences' defaultView (one
 * the server does not have is said and pods shown instead), else pods.
 */
async function firstType(
  session: Session,
  type: string | undefined,
  defaultView: string | undefined,
  warnings: string[],
): Promise<ResourceRef> {
  if (type !== undefined || defaultView === undefined) return initialType(session, type ?? 'pods');
  try {
    return await session.mapper.mappingFor(defaultView);
  } catch {
    warnings.push(
      `dashboard.defaultView: the server doesn't have a resource type "${defaultView}"`,
    );
    return initialType(session, 'pods');
  }
}

/**
 * The first type, as the REST mapper reads its name. Pods (the default) open even when
 * discovery cannot be reached, so a dashboard started during an outage shows the connection
 * state and catches up, instead of exiting.
 */
async function initialType(session: Session, name: string): Promise<ResourceRef> {
  try {
    return await session.mapper.mappingFor(name);
  } catch (error) {
    if (error instanceof NoResourceTypeError || !['pods', 'pod', 'po'].includes(name)) throw error;
    return PODS_REF;
  }
}

/** Renders the dashboard with Ink (again after a handover: the controller keeps all state). */
function draw(
  controller: DashController,
  stdout: NodeJS.WriteStream,
  stdin: NodeJS.ReadStream,
  colour: Palette,
  stats: FrameStats | undefined,
): Instance {
  return render(<App controller={controller} colour={colour} />, {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    // Data changes are already batched into at most 10 frames a second (FrameScheduler); Ink's
    // own throttle would only hold back the frame that answers a key (up to 1000/maxFps ms).
    maxFps: 60,
    // Ink 6.8's incremental mode drew the header one line low after the first frame here;
    // every frame is at most rows-1 lines, so a full redraw stays cheap and flicker-free.
    incrementalRendering: false,
    ...(stats ? { onRender: stats.onRender } : {}),
  });
}

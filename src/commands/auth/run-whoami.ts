import { newObjectPrinter } from '../../printers/object-printer.js';
import { parseOutputFormat } from '../../printers/output-format.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import { toTypedJson } from '../../printers/json-text.js';
import { checkPrintFlagsFormat } from '../../runtime/print-flags.js';
import type { Factory } from '../../runtime/factory.js';

/** Flags of `ktl auth whoami`. */
export interface WhoAmIFlags {
  output?: string;
  template?: string;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean | string;
}

/** The user the server authenticated (SelfSubjectReview status.userInfo). */
export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

interface SelfSubjectReview {
  kind?: string;
  apiVersion?: string;
  metadata?: object;
  status?: { userInfo?: UserInfo };
}

/** kubectl's whoami table: the attributes that are set, extras sorted by key, Go's %v of lists. */
export function whoAmIRows(user: UserInfo): string[][] {
  const rows = [['ATTRIBUTE', 'VALUE']];
  if (user.username) rows.push(['Username', user.username]);
  if (user.uid) rows.push(['UID', user.uid]);
  if (user.groups?.length) rows.push(['Groups', `[${user.groups.join(' ')}]`]);
  const extra = user.extra ?? {};
  for (const key of Object.keys(extra).sort())
    rows.push([`Extra: ${key}`, `[${(extra[key] ?? []).join(' ')}]`]);
  return rows;
}

/** The review as kubectl prints its typed object: Go's field order, empty fields left out. */
export function typedReview(review: SelfSubjectReview): object {
  const user = review.status?.userInfo ?? {};
  return {
    kind: review.kind,
    apiVersion: review.apiVersion,
    metadata: review.metadata ?? {},
    status: {
      userInfo: {
        ...(user.username ? { username: user.username } : {}),
        ...(user.uid ? { uid: user.uid } : {}),
        ...(user.groups?.length ? { groups: user.groups } : {}),
        ...(user.extra && Object.keys(user.extra).length > 0 ? { extra: user.extra } : {}),
      },
    },
  };
}

function whoAmIFormat(flags: WhoAmIFlags): ReturnType<typeof parseOutputFormat> {
  checkPrintFlagsFormat(flags.output ?? '');
  return parseOutputFormat(flags.output, flags.template || undefined);
}

/** `ktl auth whoami`: who the server says you are (a SelfSubjectReview), as a table or -o. */
export async function runWhoAmI(factory: Factory, flags: WhoAmIFlags): Promise<void> {
  const format = whoAmIFormat(flags);
  const client = await factory.client();
  const review = await client.json<SelfSubjectReview>({
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    contentType: 'application/json',
    body: JSON.stringify({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1' }),
  });
  const write = (text: string): boolean => factory.streams.out.write(text);
  if (format.kind === 'table') {
    const writer = new TabWriter(write);
    for (const row of whoAmIRows(review.status?.userInfo ?? {})) writer.writeLine(row);
    writer.flush();
  } else if (format.kind === 'json') {
    write(toTypedJson(typedReview(review)));
  } else {
    const printer = newObjectPrinter(format, write, {
      showManagedFields: flags.showManagedFields === true,
      allowMissingTemplateKeys:
        flags.allowMissingTemplateKeys !== false && flags.allowMissingTemplateKeys !== 'false',
    });
    printer.single(typedReview(review));
    printer.flush();
  }
}

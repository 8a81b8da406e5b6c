/**
 * The objects to debug, through the resource builder as kubectl's debug builds them:
 * FilenameParam (-f, its objects used as read: debug never asks the server for them again),
 * the default namespace, and ResourceNames("pods", …): a bare NAME is a pod, TYPE/NAME any type.
 */
import type { FetchedInfo } from '../../resources/builder/index.js';
import { ResourceBuilder, infosInOrder } from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';

export async function debugTargets(
  factory: Factory,
  names: readonly string[],
  filenames: readonly string[],
): Promise<Array<FetchedInfo | Error>> {
  const builder = new ResourceBuilder(factory)
    .filenameParam({ filename: [...filenames] })
    .resourceNames('pods', names)
    .local(true);
  return infosInOrder(await builder.infos());
}

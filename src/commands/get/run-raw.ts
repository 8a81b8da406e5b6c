import type { Factory } from '../../runtime/factory.js';

/** `get --raw PATH`: the server's response body, unmodified. */
export async function runGetRaw(factory: Factory, path: string): Promise<void> {
  const client = await factory.client();
  const response = await client.request({ path, accept: 'application/json, */*' });
  factory.streams.out.write(response.body);
}

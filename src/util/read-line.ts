/**
 * One line of a stream (without its newline), read without consuming more than the stream
 * hands over; undefined when the stream ends before anything was read.
 */
export function readLine(stream: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let text = '';
    let seen = false;
    const finish = (value: string | undefined): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      seen = true;
      text += chunk.toString();
      const newline = text.indexOf('\n');
      if (newline >= 0) finish(text.slice(0, newline).replace(/\r$/, ''));
    };
    const onEnd = (): void => finish(seen ? text : undefined);
    const onError = (error: Error): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      reject(error);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}

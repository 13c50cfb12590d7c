/** A free TCP port on 127.0.0.1, for a server a test starts as a child process (which must name its port). */
import { createServer } from 'node:net';

/** Asks the OS for a free port by listening on port 0, then frees it for the caller. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no TCP port was assigned'));
        else resolve(address.port);
      });
    });
  });
}

// Preloaded into the process of Eleventy's dev server, which has no option
// for the address it listens on and listens on every network interface:
// a server that does not name its address here listens on
// KILDEBANK_LISTEN_HOST, 127.0.0.1 unless `npm run dev -- --host …` says
// otherwise, so the preview is not offered to the whole network.
import net from 'node:net';

const host = process.env.KILDEBANK_LISTEN_HOST || '127.0.0.1';
const listen = net.Server.prototype.listen;

/** @this {net.Server} @param {any[]} args */
net.Server.prototype.listen = function (...args) {
  const [first] = args;
  if (first === undefined || typeof first === 'function') {
    // listen([callback]): any free port
    args.unshift(0, host);
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback])
    if (typeof args[1] !== 'string') args.splice(1, 0, host);
  } else if (
    first &&
    typeof first === 'object' &&
    first.host === undefined &&
    first.path === undefined &&
    first.fd === undefined &&
    first.handle === undefined &&
    !(first instanceof net.Server) &&
    !('_handle' in first)
  ) {
    // listen({ port, … }[, callback])
    args[0] = { ...first, host };
  }
  return listen.apply(this, /** @type {any} */ (args));
};

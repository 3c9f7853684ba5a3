// Preloaded into the Eleventy child process: when the build that started it
// dies (even by SIGKILL), the pipe on stdin closes and Eleventy stops too,
// instead of writing on into a staging folder nobody owns.
process.stdin.on('end', () => process.exit(1));
process.stdin.on('error', () => process.exit(1));
process.stdin.resume();
process.stdin.unref?.();

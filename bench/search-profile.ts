// Preloaded into the API child by `search.bench.js --profile-api DIR` (node --require):
// profiles the whole process with V8's CPU profiler and writes DIR/api-<pid>.cpuprofile
// when the bench stops it. `node --cpu-prof` cannot be used: Nest's shutdown hook ends the
// process by re-raising SIGTERM, and a process killed by a signal writes no profile.
// Open the file in Chrome DevTools (Performance) or speedscope.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env['SEARCH_BENCH_PROFILE_DIR'];
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => {
    // 100 µs between samples (V8's default is 1 ms): requests here take about a millisecond.
    session.post('Profiler.setSamplingInterval', { interval: 100 }, () => {
      session.post('Profiler.start');
    });
  });
  // Registered before Nest's own handler, so it runs first; `once`, so the SIGTERM Nest
  // raises again after closing the app finds no listener and ends the process.
  process.once('SIGTERM', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) {
        process.stderr.write(`profile not written: ${error.message}\n`);
        return;
      }
      const file = join(dir, `api-${process.pid}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
      process.stderr.write(`CPU profile written to ${file}\n`);
    });
  });
}

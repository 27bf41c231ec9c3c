// Adds up Jest's JSON reports into one closing line, "tests: N passed, N failed, N skipped",
// and fails when any suite failed to run or no test ran at all.
import { readFileSync } from 'node:fs';

let passed = 0,
  failed = 0,
  skipped = 0,
  brokenSuites = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  brokenSuites += report.numRuntimeErrorTestSuites;
}
if (brokenSuites) console.log(`${brokenSuites} test suite(s) failed to run`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed || brokenSuites || passed === 0 ? 1 : 0);

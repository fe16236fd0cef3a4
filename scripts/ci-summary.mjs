// Prints the plain closing line CI reads ("412 passed, 0 failed, 3 skipped") from vitest's JSON report.
// Exits non-zero when the report is missing, a test failed, or no test ran at all.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest/report.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log(`0 passed, 1 failed (no test report at ${file}: the test run did not finish)`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const files = report.testResults?.length ?? 0;
console.log(`Test files: ${files}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

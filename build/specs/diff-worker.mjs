// Runs openapi-diff for check-breaking-changes.mjs in a worker thread, so the gate can stop a comparison that takes
// too long (openapi-diff's set comparison grows fast with the number of properties that stopped being required).
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const openapiDiff = require('openapi-diff');

const { baselineText, baseline, currentText, current } = workerData;
const outcome = await openapiDiff.diffSpecs({
  sourceSpec: { content: baselineText, location: baseline, format: 'openapi3' },
  destinationSpec: { content: currentText, location: current, format: 'openapi3' },
});
parentPort.postMessage(JSON.parse(JSON.stringify(outcome)));

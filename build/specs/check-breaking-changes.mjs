// `npm run check:breaking`: the gate that keeps a breaking change from reaching other teams by accident.
//
//   node build/specs/check-breaking-changes.mjs                      every specs/<name>.yaml against specs/baseline/<name>.yaml
//   node build/specs/check-breaking-changes.mjs <baseline> <current> one pair of files (what the tests feed it)
//
// openapi-diff (pinned in package.json) classifies every difference. A breaking one passes only when the current
// info.version's major is above the baseline's. Exit codes: 0 pass, 1 a breaking change without a major version
// bump (or a version that is not semver, or went down, or a published spec that disappeared), 2 usage or tool error.
//
// When the major version was raised every breaking change is allowed, so the comparison only serves to list them:
// it gets a time budget (CONTRACTS_DIFF_BUDGET_SECONDS, default 20) and, past it, the gate passes without the list
// (openapi-diff can take many minutes when many properties stopped being required). Without a raised major version
// the comparison decides the verdict and always runs to the end.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { baselineDir, publishedSpecs, repoRoot } from './paths.mjs';
import { compareVersions, parseVersion } from './semver.mjs';
import { describeDifference } from './describe-difference.mjs';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const budgetSeconds = Number(process.env.CONTRACTS_DIFF_BUDGET_SECONDS ?? 20);

const args = process.argv.slice(2);
if (args.length !== 0 && args.length !== 2) {
  console.error('usage: check-breaking-changes.mjs [<baseline.yaml> <current.yaml>]');
  process.exit(2);
}

let failed = false;
const pairs = args.length === 2 ? [{ name: basename(args[1]), baseline: args[0], current: args[1] }] : repositoryPairs();
for (const pair of pairs) {
  try {
    failed = !(await checkPair(pair)) || failed;
  } catch (error) {
    console.error(`${pair.name}: could not compare ${pair.baseline} with ${pair.current}: ${error.message}`);
    process.exit(2);
  }
}
process.exit(failed ? 1 : 0);

/** Every published spec with its baseline; a baseline whose spec is gone is itself a breaking change. */
function repositoryPairs() {
  const specs = publishedSpecs();
  const result = [];
  for (const spec of specs) {
    const baseline = join(baselineDir, `${spec.name}.yaml`);
    if (existsSync(baseline)) {
      result.push({ name: spec.name, baseline, current: spec.file });
    } else {
      console.log(`${spec.name}: no baseline in ${relative(repoRoot, baselineDir)}/, so never published: nothing to compare.`);
    }
  }
  if (existsSync(baselineDir)) {
    for (const file of readdirSync(baselineDir).filter((entry) => entry.endsWith('.yaml'))) {
      const name = file.replace(/\.yaml$/, '');
      if (!specs.some((spec) => spec.name === name)) {
        console.error(`${name}: BREAKING: the published spec was removed (its baseline ${relative(repoRoot, join(baselineDir, file))} has no specs/${file}).`);
        failed = true;
      }
    }
  }
  return result;
}

/** Compares one pair; prints the verdict; returns true when the pair passes the gate. */
async function checkPair({ name, baseline, current }) {
  const baselineText = readFileSync(baseline, 'utf8');
  const currentText = readFileSync(current, 'utf8');
  const baselineVersion = parseVersion(yaml.load(baselineText)?.info?.version);
  const currentVersion = parseVersion(yaml.load(currentText)?.info?.version);
  if (!baselineVersion || !currentVersion) {
    const which = !baselineVersion ? baseline : current;
    console.error(`${name}: FAIL: info.version of ${which} is not a semantic version (MAJOR.MINOR.PATCH).`);
    return false;
  }
  const versions = `${baselineVersion.text} -> ${currentVersion.text}`;
  if (compareVersions(currentVersion, baselineVersion) < 0) {
    console.error(`${name}: FAIL: info.version went down (${versions}); it must only go up from the published baseline.`);
    return false;
  }

  const majorRaised = currentVersion.major > baselineVersion.major;
  const outcome = await diff({ baselineText, baseline, currentText, current }, majorRaised ? budgetSeconds : undefined);
  if (outcome === undefined) {
    console.log(
      `${name}: OK, the major version was raised (${versions}), so breaking changes are allowed; openapi-diff did not ` +
        `finish listing them within ${budgetSeconds} s, so list them in specs/CHANGELOG.md yourself.`,
    );
    return true;
  }
  const breaking = outcome.breakingDifferencesFound ? outcome.breakingDifferences : [];
  const others = [...outcome.nonBreakingDifferences, ...outcome.unclassifiedDifferences];

  if (breaking.length === 0) {
    const note = others.length > 0 && compareVersions(currentVersion, baselineVersion) === 0
      ? ' (it has non-breaking changes: raise the minor version when you publish it)'
      : '';
    console.log(`${name}: OK, no breaking change (${versions}, ${others.length} non-breaking)${note}.`);
    for (const difference of others) console.log(`  non-breaking: ${describeDifference(difference)}`);
    return true;
  }

  const list = breaking.map((difference) => `  BREAKING: ${describeDifference(difference)}`).join('\n');
  if (majorRaised) {
    console.log(`${name}: OK, ${breaking.length} breaking change(s) with the major version raised (${versions}):\n${list}`);
    return true;
  }
  console.error(
    `${name}: FAIL: ${breaking.length} breaking change(s) but the major version was not raised (${versions}):\n${list}\n` +
      `  Either make the change compatible, or raise info.version to ${baselineVersion.major + 1}.0.0 and list the change in specs/CHANGELOG.md.`,
  );
  return false;
}

/** openapi-diff's outcome, or undefined when a budget was given and the comparison outlived it. */
function diff(workerData, budget) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./diff-worker.mjs', import.meta.url), { workerData });
    const timer = budget === undefined ? undefined : setTimeout(() => worker.terminate().then(() => resolve(undefined)), budget * 1000);
    worker.once('message', (outcome) => {
      clearTimeout(timer);
      worker.terminate().then(() => resolve(outcome));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

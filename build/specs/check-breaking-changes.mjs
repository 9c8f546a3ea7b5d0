// `npm run check:breaking`: the gate that keeps a breaking change from reaching other teams by accident.
//
//   node build/specs/check-breaking-changes.mjs                      every specs/<name>.yaml against specs/baseline/<name>.yaml
//   node build/specs/check-breaking-changes.mjs <baseline> <current> one pair of files (what the tests feed it)
//
// openapi-diff (pinned in package.json) classifies every difference. A breaking one passes only when the current
// info.version's major is above the baseline's. Exit codes: 0 pass, 1 a breaking change without a major version
// bump (or a version that is not semver, or went down, or a published spec that disappeared), 2 usage or tool error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { baselineDir, publishedSpecs, repoRoot } from './paths.mjs';
import { compareVersions, parseVersion } from './semver.mjs';
import { describeDifference } from './describe-difference.mjs';

const require = createRequire(import.meta.url);
const openapiDiff = require('openapi-diff');
const yaml = require('js-yaml');

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

  const outcome = await openapiDiff.diffSpecs({
    sourceSpec: { content: baselineText, location: baseline, format: 'openapi3' },
    destinationSpec: { content: currentText, location: current, format: 'openapi3' },
  });
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
  if (currentVersion.major > baselineVersion.major) {
    console.log(`${name}: OK, ${breaking.length} breaking change(s) with the major version raised (${versions}):\n${list}`);
    return true;
  }
  console.error(
    `${name}: FAIL: ${breaking.length} breaking change(s) but the major version was not raised (${versions}):\n${list}\n` +
      `  Either make the change compatible, or raise info.version to ${baselineVersion.major + 1}.0.0 and list the change in specs/CHANGELOG.md.`,
  );
  return false;
}

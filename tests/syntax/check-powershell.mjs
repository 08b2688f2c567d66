// Syntax check for PowerShell sources where no PowerShell is installed: parse with tree-sitter-powershell
// (WebAssembly, through web-tree-sitter) and fail on any ERROR or MISSING node.
import { Parser, Language } from 'web-tree-sitter';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const skip = new Set(['node_modules', 'bin', 'obj', 'out', '.git', 'TestResults']);
const extensions = ['.ps1', '.psd1', '.psm1'];

function* walk(folder) {
  for (const name of readdirSync(folder)) {
    if (skip.has(name)) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (extensions.some(e => name.endsWith(e))) yield path;
  }
}

function problems(tree) {
  const found = [];
  const visit = node => {
    if (node.isError || node.isMissing) {
      found.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? 'missing ' + node.type : 'unexpected ' + JSON.stringify(node.text.slice(0, 40))}`);
    }
    if (node.hasError || node.isError) for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return found;
}

await Parser.init();
const require = createRequire(import.meta.url);
const grammar = await Language.load(join(dirname(require.resolve('tree-sitter-powershell/package.json')), 'tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(grammar);

// The checker must be able to fail: a known-broken snippet has to be flagged, a known-good one not.
if (problems(parser.parse('function f { if ($x) { "a" ')).length === 0 || problems(parser.parse('@{ A = 1; B = @(1,2) }')).length !== 0) {
  console.error('syntax check: self-test failed (the grammar does not flag a broken script)');
  process.exit(2);
}

let failed = 0;
let parsed = 0;
for (const file of walk(root)) {
  parsed++;
  const found = problems(parser.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
  if (found.length) {
    failed++;
    for (const p of found) console.error(`${relative(root, file)}:${p}`);
  }
}
console.log(`syntax: ${parsed - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

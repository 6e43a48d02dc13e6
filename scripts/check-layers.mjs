// Enforces the layer rules of DESIGN.md: src/sim is pure and deterministic, and imports nothing from the UI side.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN_IMPORTS = [/^react(-dom)?(\/|$)/, /^zustand(\/|$)/, /^@xyflow\//, /^monaco-editor(\/|$)/, /^@monaco-editor\//, /^monaco-yaml(\/|$)/, /(^|\/)(ui|worker)\//];
const FORBIDDEN_CALLS = [/\bDate\.now\b/, /\bMath\.random\b/, /\bsetTimeout\b/, /\bsetInterval\b/, /\bperformance\.now\b/, /\brequestAnimationFrame\b/, /\bwindow\./, /\bdocument\./];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

const problems = [];
for (const file of files('src/sim')) {
  // Comments may mention anything; blank them out but keep line numbers.
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    if (FORBIDDEN_IMPORTS.some((re) => re.test(match[1]))) problems.push(`${file}: imports ${match[1]}`);
  }
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const re of FORBIDDEN_CALLS) if (re.test(code)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
  });
}
if (problems.length > 0) {
  console.error(`src/sim must be pure and deterministic:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('layers ok: src/sim imports no UI code and uses no wall clock, Math.random or DOM');

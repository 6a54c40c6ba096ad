import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(?:ts|js)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every regular expression literal in the files under `dir`, found by TypeScript's own scanner. */
export function regexLiterals(root: string, dir: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of walk(dir)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const literal = node.text;
        const end = literal.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({
          where: `${relative(root, file)}:${line + 1}`,
          source: literal.slice(1, end),
          flags: literal.slice(end + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The regular expressions a module exports, built ones (`new RegExp(...)`) included. */
export function exportedRegexes(name: string, module: Record<string, unknown>): FoundRegex[] {
  return Object.entries(module).flatMap(([key, value]) =>
    value instanceof RegExp ? [{ where: `${name}: ${key}`, source: value.source, flags: value.flags }] : [],
  );
}

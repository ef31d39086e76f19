import { readFileSync } from 'node:fs';

const types: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/** The few static files, read once: served by name only, so no path reaches the file system. */
export function loadStaticFiles(): Map<string, { body: string; type: string }> {
  const files = new Map<string, { body: string; type: string }>();
  for (const [name, type] of Object.entries(types)) {
    const body = readFileSync(new URL(`./static/${name}`, import.meta.url), 'utf8');
    files.set(name, { body, type });
  }
  return files;
}

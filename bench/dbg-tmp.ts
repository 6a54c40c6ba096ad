import { readFileSync } from 'node:fs';
import { parseMeeting } from '../src/parse/parse-meeting.js';
const [file, ...lines] = process.argv.slice(2);
const r = parseMeeting(readFileSync(file!, 'utf8'), file!.replace('../shared/corpus/', '')) as any;
for (const a of r.actionItems) if (!lines.length || lines.includes(String(a.line))) console.log('AI', a.line, a.owners, a.status, a.text.slice(0, 80));
for (const a of r.decisions) if (!lines.length || lines.includes(String(a.line))) console.log('DEC', a.line, a.text.slice(0, 80));
if (process.env.AG) for (const a of r.agenda) console.log('AG', a.line, a.owners, a.title.slice(0, 80));

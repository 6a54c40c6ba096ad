/**
 * Part 1: parse + extract against a bare unified + remark-parse + remark-gfm parse of the same
 * files, in this process, the best of three runs each.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parseMeeting } from '../src/parse/parse-meeting.js';
import { best } from './common.js';

export interface ParseFigures {
  bareMs: number;
  extractMs: number;
  bareMBps: number;
  extractMBps: number;
  /** Our speed over the bare parser's (target >= 0.8). */
  ratio: number;
}

export function benchParse(files: { source: string; text: string }[]): ParseFigures {
  const megabytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;
  const bare = unified().use(remarkParse).use(remarkGfm).freeze();
  const bareMs = best(() => files.forEach((f) => bare.parse(f.text)));
  const extractMs = best(() => files.forEach((f) => parseMeeting(f.text, f.source)));
  return {
    bareMs,
    extractMs,
    bareMBps: megabytes / (bareMs / 1000),
    extractMBps: megabytes / (extractMs / 1000),
    ratio: bareMs / extractMs,
  };
}

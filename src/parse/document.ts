import type { Participant, PersonId } from './meeting-record.js';
import { peopleIndex } from './people.js';
import type { Unit } from './units.js';
import { enclosingSection, labelKind, type SectionRole } from './recognise/sections.js';
import {
  NOT_A_SPEAKER,
  QA_SPEAKER,
  SPEAKER,
  TRANSCRIPT_MIN_SHARE,
  TRANSCRIPT_MIN_SPEAKER_LINES,
} from './vocabulary.js';

/**
 * What each part of a file is, worked out once before any item is recognised: which units are
 * conversation (a speaker's line in a transcript), who speaks, and which section role each unit
 * lies in. Recognisers ask the model instead of re-deriving structure from raw text.
 */
export interface DocumentModel {
  /** Units that are conversation: speaker lines, and the lines of a section that speakers dominate. */
  transcript: Set<Unit>;
  /** The speaker prefix of a unit ("AWB", "Jane Roe"), where it has one. */
  speakers: Map<Unit, string>;
  /** The participants by every name the minutes may use for them (see people.ts). */
  people: Map<string, PersonId>;
}

/**
 * The speaker a unit opens with, or null: "AWB: I think ..." -> "AWB", "A (olizilla): ..." -> "olizilla";
 * "Decision: ..." -> null.
 */
function speakerOf(unit: Unit): string | null {
  if (unit.kind !== 'line' && unit.kind !== 'item') return null;
  const asked = QA_SPEAKER.exec(unit.text);
  if (asked) return asked[1]!;
  const match = SPEAKER.exec(unit.text);
  if (!match) return null;
  const name = match[1]!;
  if (NOT_A_SPEAKER.has(name.toLowerCase()) || labelKind(name) !== null) return null;
  return name;
}

/** Sections whose notes record outcomes or tasks are the note taker's, never conversation. */
const RECORD_ROLES = new Set<SectionRole>(['decisions', 'conclusions', 'actions', 'review']);

function isRecordSection(unit: Unit): boolean {
  const section = enclosingSection(unit);
  return section !== null && RECORD_ROLES.has(section.kind);
}

/** The innermost heading a unit lies under: a transcript is recognised per section. */
function sectionKey(unit: Unit): Unit | null {
  return unit.headings[unit.headings.length - 1] ?? null;
}

/**
 * Find the transcript regions of a file: a section where at least TRANSCRIPT_MIN_SPEAKER_LINES lines
 * open with a speaker, making at least TRANSCRIPT_MIN_SHARE of its lines, is conversation, all of it
 * but the record sections (conclusions, decisions, actions) inside it.
 */
export function buildDocumentModel(units: Unit[], participants: Participant[]): DocumentModel {
  const speakers = new Map<Unit, string>();
  const counts = new Map<Unit | null, { lines: number; speakers: number }>();
  for (const unit of units) {
    if (unit.kind !== 'line' && unit.kind !== 'item') continue;
    const key = sectionKey(unit);
    const count = counts.get(key) ?? counts.set(key, { lines: 0, speakers: 0 }).get(key)!;
    count.lines++;
    const speaker = speakerOf(unit);
    if (speaker) {
      speakers.set(unit, speaker);
      count.speakers++;
    }
  }
  const conversational = (key: Unit | null) => {
    const count = counts.get(key);
    return (
      !!count && count.speakers >= TRANSCRIPT_MIN_SPEAKER_LINES && count.speakers >= TRANSCRIPT_MIN_SHARE * count.lines
    );
  };
  // A lone "Name: ..." line is a label or a note; speakers make a transcript when there are several.
  const spoken = speakers.size >= TRANSCRIPT_MIN_SPEAKER_LINES;
  const transcript = new Set<Unit>();
  // Paragraphs of a conversation: a speaker's, the ones that go on after it, and the note taker's, which
  // are asides ("_no objection_", "[ General agreement ]") or open a section before anyone speaks.
  let speaking = false;
  let section: Unit | null | undefined;
  for (const unit of units) {
    if (unit.kind !== 'line' && unit.kind !== 'item') continue;
    if (sectionKey(unit) !== section) [section, speaking] = [sectionKey(unit), false];
    if (unit.kind === 'line' && unit.opener === unit) speaking = speakers.has(unit) || (speaking && !unit.aside);
    if (isRecordSection(unit)) continue;
    const voice = unit.kind === 'item' || speaking || speakers.has(unit);
    if ((spoken && speakers.has(unit.opener ?? unit)) || (conversational(sectionKey(unit)) && voice))
      transcript.add(unit);
  }
  return { transcript, speakers, people: peopleIndex(participants) };
}

import type { Participant, PersonId } from './meeting-record.js';

/**
 * The names by which minutes refer to their participants: id, handle, full name, initials and, where
 * only one participant has it, the first name. "Kurt Garloff (@garloff)" is found as "garloff",
 * "kurt garloff" and "kurt"; "Allen Wirfs-Brock (AWB)" as "awb". Keys are lower case. An owner that
 * is none of these may still begin exactly one participant's handle ("alan" for @alanshaw).
 */
export function peopleIndex(participants: Participant[]): Map<string, PersonId> {
  const index = new Map<string, PersonId>();
  const firstNames = new Map<string, PersonId | null>();
  for (const p of participants) {
    for (const key of [p.id, p.handle, p.name, p.initials]) if (key) index.set(key.toLowerCase(), p.id);
    const first = p.name?.split(' ')[0]?.toLowerCase();
    if (first && p.name!.includes(' '))
      firstNames.set(first, firstNames.has(first) && firstNames.get(first) !== p.id ? null : p.id);
  }
  for (const [first, id] of firstNames) if (id && !index.has(first)) index.set(first, id);
  return index;
}

/** The participant whose handle a first name begins, if exactly one does: "alan" -> alanshaw, "oli" -> olizilla. */
function handleStartingWith(name: string, participants: Participant[]): PersonId | null {
  if (name.length < 3 || !/^\p{L}+$/u.test(name)) return null;
  const matches = participants.filter((p) => p.handle?.toLowerCase().startsWith(name));
  return matches.length === 1 ? matches[0]!.id : null;
}

/** Owners that name a participant by another name than its id: `{ kurt: 'garloff' }`, or undefined if none does. */
export function resolveOwners(
  owners: PersonId[],
  people: Map<string, PersonId>,
  participants: Participant[],
): Record<PersonId, PersonId> | undefined {
  const resolved = owners.flatMap((owner) => {
    const id = people.get(owner) ?? handleStartingWith(owner, participants);
    return id && id !== owner ? [[owner, id] as const] : [];
  });
  return resolved.length > 0 ? Object.fromEntries(resolved) : undefined;
}

/**
 * The series a file's place implies, whichever folder an import starts from. Items are tracked within
 * a series, so this is the team or group a reader would name:
 *   scs/iaas/20240110.md                                  -> iaas
 *   scs/iam/20231211-keycloak-kubernetes.md               -> iam
 *   scs/hackathons/2022-09-27-gx-hackathon-5/minutes.md   -> hackathons
 *   ipfs/2019/Q2/2019-04-08--go-core-dev-team-weekly.md   -> go-core-dev-team-weekly
 *   tc39/2015-07/july-29.md                               -> tc39
 *   nodejs-tsc/io.js/2014-10-09.md                        -> io.js
 * The rule: the nearest folder that is not a date (a year, a quarter, a month, a dated event folder);
 * but where the file sits in date folders (years, quarters) and its own name is a date followed by a
 * name, many teams share those folders and the name is the series.
 */

/** Folders that only file meetings by time: `2019`, `Q2`, `2019-Q2`, `2015-07`, `july`. */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const TIME_FOLDER = new RegExp(`^(?:(?:19|20)\\d{2}(?:[-_]?(?:q[1-4]|h[12]|\\d{2}))?|q[1-4]|h[12]|${MONTH})$`, 'i');

/** A folder of one dated event: `2022-09-27-gx-hackathon-5`. */
const EVENT_FOLDER = /^(?:19|20)\d{2}-\d{2}(?:-\d{2})?[-_ \d]*\p{L}/u;

/** A file name that is a date and a name: `2019-04-08--go-core-dev-team-weekly.md`; group 1 is the name. */
const DATED_NAME = /^(?:19|20)\d{2}-?\d{2}-?\d{2}[-_ ]+([\p{L}\d][\p{L}\d._ -]*)\.md$/iu;

export function seriesOfPath(path: string): string | null {
  const parts = path.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const name = parts.pop() ?? '';
  let inTimeFolders = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const folder = parts[i]!;
    if (folder === '..') break;
    if (TIME_FOLDER.test(folder)) {
      inTimeFolders = true;
      continue;
    }
    if (EVENT_FOLDER.test(folder)) continue;
    return (inTimeFolders && nameAfterDate(name)) || folder;
  }
  return inTimeFolders ? nameAfterDate(name) : null;
}

/** The name after a file name's date, and after a second date of a range ("...-to-2018-01-22--cluster-meeting"). */
function nameAfterDate(name: string): string | null {
  const dated = DATED_NAME.exec(name);
  if (!dated) return null;
  return dated[1]!.replace(/^to[-_ ]+(?:19|20)\d{2}-?\d{2}-?\d{2}[-_ ]+/i, '').replace(/(?<![-_ ])[-_ ]+$/, '') || null;
}

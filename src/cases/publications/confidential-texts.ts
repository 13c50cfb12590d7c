/**
 * The default source of a unit's confidential texts for the publication check, read from storage: the
 * titles and summaries of its clues (always confidential) and the text of its incident statements (口径)
 * still in draft or review. Approved statements are cleared for release, so publishing one is no leak.
 * It pages through every record of the unit; offices keep hundreds, not millions, of these.
 */
import type { Storage } from '../../storage/repositories.js';

const PAGE = 500;

/** Builds `confidentialTexts(unitId)` over `storage` (pass it as ApiDeps.confidentialTexts). */
export function storageConfidentialTexts(
  storage: Pick<Storage, 'clues' | 'incidents' | 'incidentResponses'>,
): (unitId: string) => Promise<readonly string[]> {
  return async (unitId) => {
    const scope = { unitIds: [unitId] };
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await storage.clues.list(scope, {}, { limit: PAGE, cursor });
      for (const clue of page.items) texts.push(clue.title, clue.summary);
      cursor = page.nextCursor;
    } while (cursor !== null);
    do {
      const page = await storage.incidents.list(scope, {}, { limit: PAGE, cursor });
      for (const incident of page.items) {
        for (const response of await storage.incidentResponses.listFor(incident.id)) {
          if (response.state === 'draft' || response.state === 'in_review')
            texts.push(response.title, response.content);
        }
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return texts.filter((text) => text.trim().length > 0);
  };
}

/**
 * The default confidential texts of a unit on both engines: clue titles and summaries and statements still
 * in draft or review; approved statements and other units' records are left out. Then the publication
 * check blocks a draft quoting a clue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageConfidentialTexts } from '../../src/cases/publications/confidential-texts.js';
import { checkConfidentiality } from '../../src/cases/publications/confidentiality.js';
import type { Incident, IncidentResponse, ResponseState } from '../../src/domain/index.js';
import { emptyChecklist } from '../../src/domain/index.js';
import { newId } from '../../src/platform/ids.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const AT = Date.UTC(2024, 4, 1);

describe.each(databaseTargets)('confidential texts on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let unitA: string;
  let unitB: string;

  async function incidentWithResponses(unitId: string, responses: Array<[ResponseState, string]>) {
    const incident: Incident = {
      id: newId(AT),
      unitId,
      title: '事件',
      description: '',
      category: 'public_safety',
      level: 'yellow',
      state: 'responding',
      origin: 'manual',
      alertId: null,
      eventId: null,
      handlerUserId: null,
      verification: null,
      closingSummary: null,
      review: null,
      openedBy: null,
      openedAt: AT,
      closedBy: null,
      closedAt: null,
      reopenCount: 0,
      createdAt: AT,
      updatedAt: AT,
    };
    await storage.incidents.insert(incident);
    for (const [state, content] of responses) {
      const response: IncidentResponse = {
        id: newId(AT),
        incidentId: incident.id,
        unitId,
        kind: 'statement',
        state,
        title: `${state}口径`,
        content,
        version: 1,
        approvedVersion: null,
        createdBy: null,
        submittedAt: null,
        approvedBy: null,
        approvedAt: null,
        rejectedReason: null,
        publishedBy: null,
        publishedAt: null,
        publishedUrl: null,
        publishedChannel: null,
        createdAt: AT,
        updatedAt: AT,
      };
      await storage.incidentResponses.create(response, null);
    }
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url);
    unitA = (await storage.units.create({ name: '甲区', parentId: null })).id;
    unitB = (await storage.units.create({ name: '乙区', parentId: null })).id;
    const clue = (unitId: string, title: string, summary: string) =>
      storage.clues.create({
        unitId,
        title,
        summary,
        origin: 'manual',
        checklist: emptyChecklist(),
        createdBy: null,
        createdAt: AT,
      });
    await clue(unitA, '某街道干部违规收受购物卡', '网帖称多次收受辖区企业购物卡');
    await clue(unitB, '乙区线索标题不应出现', '');
    await incidentWithResponses(unitA, [
      ['draft', '经初步核查，涉事车辆系区环卫所公务用车'],
      ['in_review', '审核中的口径内容'],
      ['approved', '已批准的口径可以发布'],
    ]);
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('collects clue texts and unapproved statements of the unit only', async () => {
    const texts = await storageConfidentialTexts(storage)(unitA);
    expect([...texts].sort()).toEqual(
      [
        '某街道干部违规收受购物卡',
        '网帖称多次收受辖区企业购物卡',
        'draft口径',
        '经初步核查，涉事车辆系区环卫所公务用车',
        'in_review口径',
        '审核中的口径内容',
      ].sort(),
    );
    const hits = checkConfidentiality(
      { title: '通报', body: '有网民反映某街道干部违规收受购物卡一事' },
      { secretTerms: [], confidentialTexts: texts },
    );
    expect(hits).toEqual([
      { kind: 'case_detail', field: 'body', position: 5, length: 12, text: '某街道干部违规收受购物卡' },
    ]);
    expect(await storageConfidentialTexts(storage)(unitB)).toEqual(['乙区线索标题不应出现']);
  });
});

/**
 * Case records for the console's browser tests and screenshots of the 线索, 诉求, 信息发布 and 信息报送 pages,
 * made through the real API as the administrator (so every record has its timeline and audit entries):
 * a ready clue and a draft one, an appeal department with a new, an accepted and a dispatched appeal, a
 * publication in review with two versions and a draft, the unit's higher bodies and a submitted and a draft
 * bulletin. Also a viewer, who must never see clues.
 */
import type { User } from '../../src/domain/index.js';
import { ApiClient } from '../api/harness.js';
import { seedToken, seedUser } from '../api/seed.js';
import type { ConsoleServer } from './console-server.js';

/** The higher bodies bulletins are submitted to. */
export const CASE_RECIPIENTS = ['省委网信办', '市委办公厅'];

/** What {@link seedCases} made (ids of the records the tests act on). */
export interface SeededCases {
  viewer: User;
  clues: { ready: string; draft: string };
  appeals: { fresh: string; accepted: string; dispatched: string; departmentId: string };
  publications: { inReview: string; draft: string };
  bulletins: { submitted: string; draft: string };
}

const ALL_MET = {
  facts_evident: { checked: true, note: '有转账记录截图' },
  plot_clear: { checked: true, note: '时间、地点、人物清楚' },
  details_complete: { checked: true, note: '金额和经手人明确' },
  verifiable: { checked: true, note: '可调取银行流水' },
};

async function call<T extends { id: string }>(
  client: ApiClient,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await client.request<T>(method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function seedClues(client: ApiClient, itemId: string | undefined): Promise<SeededCases['clues']> {
  const create = (title: string, summary: string) =>
    call<{ id: string }>(client, 'POST', '/api/v1/clues', {
      title,
      summary,
      origin: itemId ? 'item' : 'manual',
      itemIds: itemId ? [itemId] : [],
    });
  const ready = await create(
    '某街道干部收受购物卡',
    '网帖称某街道干部多次收受辖区企业购物卡，附有转账截图。',
  );
  await call(client, 'PATCH', `/api/v1/clues/${ready.id}`, { checklist: ALL_MET });
  await call(client, 'POST', `/api/v1/clues/${ready.id}/ready`, {});
  const draft = await create('某工地虚报工程量', '网友反映某工地虚报工程量套取资金，细节待核实。');
  return { ready: ready.id, draft: draft.id };
}

async function seedAppeals(client: ApiClient): Promise<SeededCases['appeals']> {
  const department = await call<{ id: string }>(client, 'POST', '/api/v1/appeal-departments', {
    name: '区住建局',
    categories: ['housing'],
    contact: '0512-12345678',
  });
  const create = (title: string, content: string) =>
    call<{ id: string }>(client, 'POST', '/api/v1/appeals', {
      title,
      content,
      citizenName: '王先生',
      category: 'housing',
    });
  const fresh = await create(
    '小区电梯长期停运',
    '我们小区 3 号楼电梯停运两个月，老人上下楼困难，请尽快维修。',
  );
  const accepted = await create('老旧小区雨污管道堵塞', '每逢下雨污水倒灌，请有关部门尽快疏通管道。');
  await call(client, 'POST', `/api/v1/appeals/${accepted.id}/accept`, {});
  const dispatched = await create('物业收费不公开', '物业费上涨却不公示收支明细，请住建部门督促公开。');
  await call(client, 'POST', `/api/v1/appeals/${dispatched.id}/accept`, {});
  await call(client, 'POST', `/api/v1/appeals/${dispatched.id}/dispatch`, { departmentId: department.id });
  return { fresh: fresh.id, accepted: accepted.id, dispatched: dispatched.id, departmentId: department.id };
}

async function seedPublications(client: ApiClient): Promise<SeededCases['publications']> {
  const inReview = await call<{ id: string }>(client, 'POST', '/api/v1/publications', {
    title: '关于某路段施工期间交通管制的通告',
    body: '为保障施工安全，某路段将于本周实施交通管制。请过往车辆提前绕行。',
    asDraft: true,
  });
  await call(client, 'PATCH', `/api/v1/publications/${inReview.id}`, {
    body: '为保障施工安全，某路段将于本周六至下周日实施交通管制。请过往车辆提前绕行，给您带来不便，敬请谅解。',
    note: '补充管制时间',
  });
  await call(client, 'POST', `/api/v1/publications/${inReview.id}/submit`, {});
  const draft = await call<{ id: string }>(client, 'POST', '/api/v1/publications', {
    title: '关于网传某小区燃气泄漏的情况说明',
    body: '经核实，该小区燃气管道运行正常。',
    asDraft: true,
  });
  return { inReview: inReview.id, draft: draft.id };
}

async function seedBulletins(client: ApiClient, itemIds: string[]): Promise<SeededCases['bulletins']> {
  await client.request('PUT', '/api/v1/bulletin-settings', { recipients: CASE_RECIPIENTS });
  const submitted = await call<{ id: string }>(client, 'POST', '/api/v1/bulletins', {
    kind: 'opinion_info',
    title: '近期我市民生领域舆情综述',
    itemIds,
  });
  await call(client, 'POST', `/api/v1/bulletins/${submitted.id}/submit`, {
    recipients: [CASE_RECIPIENTS[0]],
  });
  const draft = await call<{ id: string }>(client, 'POST', '/api/v1/bulletins', {
    kind: 'special_report',
    title: '关于某小区燃气泄漏传闻的专报',
    body: '一、基本情况\n二、处置情况\n三、下一步工作',
  });
  return { submitted: submitted.id, draft: draft.id };
}

/** Seeds the case records and a viewer into a started console server. */
export async function seedCases(app: ConsoleServer): Promise<SeededCases> {
  const { server, admin } = app;
  const client = new ApiClient(server.baseUrl, (await seedToken(server, admin, 'cases')).secret);
  const viewer = await seedUser(server, admin.unitId, 'viewer', ['viewer']);
  const now = server.clock.now();
  const query = `from=${new Date(now - 86_400_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
  const items = await client.get<{ items: { id: string; title: string | null }[] }>(
    `/api/v1/items?${query}&limit=10&sort=time`,
  );
  const itemIds = items.body.items
    .filter((item) => !item.title?.includes('<'))
    .slice(0, 3)
    .map((item) => item.id);
  return {
    viewer,
    clues: await seedClues(client, itemIds[0]),
    appeals: await seedAppeals(client),
    publications: await seedPublications(client),
    bulletins: await seedBulletins(client, itemIds),
  };
}

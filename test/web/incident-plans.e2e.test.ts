/**
 * The 预案任务 tab of an incident end to end in headless Debian Chromium against the real API: an incident
 * with an activated emergency plan shows its task checklist with owners and an overdue task marked; a task
 * completed in the console is done in storage, shows its new state, and its entry appears on the
 * incident's timeline — with no console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { planActivationDetail } from '../../src/contract/index.js';
import { ApiClient } from '../api/harness.js';
import { seedToken } from '../api/seed.js';
import { CONSOLE_PASSWORD, startConsoleServer, type ConsoleServer } from './console-server.js';
import { CHROMIUM, haveChromium, launchChromium, collectPageErrors, signIn } from './browser.js';

if (!haveChromium) {
  console.warn(
    `${CHROMIUM} is missing: the incident plan browser test is skipped (apt-get install chromium).`,
  );
}

type Activation = z.output<typeof planActivationDetail>;

async function call<T>(client: ApiClient, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await client.request<T>(method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe.skipIf(!haveChromium)('incident plan tasks in Chromium', { timeout: 180_000 }, () => {
  let app: ConsoleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let incidentId: string;
  let activation: Activation;
  const errors: string[] = [];

  const task = (seq: number) => {
    const found = activation.tasks.find((entry) => entry.seq === seq);
    if (!found) throw new Error(`no task ${seq}`);
    return page.locator(`[data-testid="plan-task"][data-id="${found.id}"]`);
  };

  beforeAll(async () => {
    app = await startConsoleServer({ items: 5 });
    const api = new ApiClient(app.server.baseUrl, (await seedToken(app.server, app.admin)).secret);
    const plan = await call<{ id: string }>(api, 'POST', '/api/v1/plans', {
      name: '网络谣言应对预案',
      category: 'online_rumor',
      level: 'general',
      steps: [
        { key: 'verify', title: '核实网传信息', ownerUserId: app.admin.id, limitMinutes: 120 },
        { key: 'respond', title: '发布权威回应', ownerUserId: app.admin.id, limitMinutes: 1 },
      ],
    });
    const incident = await call<{ id: string }>(api, 'POST', '/api/v1/incidents', {
      unitId: app.admin.unitId,
      title: '网传地铁停运谣言',
      level: 'yellow',
    });
    incidentId = incident.id;
    activation = await call<Activation>(api, 'POST', `/api/v1/plans/${plan.id}/activate`, {
      recordType: 'incident',
      recordId: incidentId,
    });
    // The second task's minute has passed: it is overdue.
    app.server.clock.advance(2 * 60_000);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    collectPageErrors(page, errors);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('opens the incident’s plan tab with its checklist and the overdue task marked', async () => {
    await signIn(page, `${app.server.baseUrl}/incidents/${incidentId}`, CONSOLE_PASSWORD, {
      landing: '[data-testid="incident-detail"]',
    });
    await page.getByRole('tab', { name: '预案任务' }).click();
    await page.getByTestId('plans-tab').waitFor();
    await expect.poll(() => page.getByTestId('plan-task').count()).toBe(2);
    expect(await page.getByTestId('plans-tab').textContent()).toContain('网络谣言应对预案');
    expect(await task(1).textContent()).toContain('核实网传信息');
    expect(await task(1).textContent()).not.toContain('已超期');
    expect(await task(2).textContent()).toContain('已超期');
    expect(await task(1).getAttribute('data-state')).toBe('open');
  });

  it('completes a task: its state changes in storage and on the page', async () => {
    const first = activation.tasks.find((entry) => entry.seq === 1);
    await task(1)
      .getByRole('button', { name: /完\s?成/ })
      .click();
    await expect.poll(() => task(1).getAttribute('data-state')).toBe('done');
    expect(await task(1).textContent()).toContain('已完成');
    const stored = await app.server.storage.plans.getTask(first?.id ?? '');
    expect(stored?.state).toBe('done');
    expect(await task(2).getAttribute('data-state')).toBe('open');
  });

  it('shows the completion on the incident’s timeline', async () => {
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('incident-timeline');
    await expect.poll(() => timeline.textContent()).toContain('完成预案任务');
    expect(await timeline.textContent()).toContain('核实网传信息');
    expect(await timeline.textContent()).toContain('启动应急预案');
  });

  it('logged no console errors and no page errors', () => {
    expect(errors).toEqual([]);
  });
});

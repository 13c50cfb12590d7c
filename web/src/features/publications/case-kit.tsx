/**
 * Parts the four case pages (线索, 诉求, 信息发布, 信息报送) share: a timeline of state changes, a state tag,
 * an action runner that shows failures with the server's texts, times, and the figures of a statistics period.
 * Kept here (not in a shared folder) because only these pages use them.
 */
import { App, Card, Col, Empty, Grid, Row, Segmented, Statistic, Tag, Timeline, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { zh } from '../../i18n/zh.js';

/** One entry of a case record's timeline (the same shape for every workflow). */
export interface CaseTimelineEntry {
  at: string;
  actorUserId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
}

/** True when `key` is a text key of the console (for keys built from server values). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/** A translator for keys built from server values: the raw value when no text exists. */
export function useLabel(): (prefix: string, value: string) => string {
  const { t } = useI18n();
  return useCallback(
    (prefix: string, value: string) => {
      const key = `${prefix}.${value}`;
      return isMessageKey(key) ? t(key) : value;
    },
    [t],
  );
}

/** A local date and time of an ISO time (— for none). */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A local date of an ISO time (— for none). */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/** A ratio as a percentage with one decimal (— for none). */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

/** The statistics periods the pages offer, in days back from now. */
export const PERIOD_DAYS = [30, 90, 365] as const;
/** One of {@link PERIOD_DAYS}. */
export type PeriodDays = (typeof PERIOD_DAYS)[number];

/** `{from, to}` as ISO times for the last `days` days up to now. */
export function periodOf(days: number, now = Date.now()): { from: string; to: string } {
  return { from: new Date(now - days * 86_400_000).toISOString(), to: new Date(now + 60_000).toISOString() };
}

const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  idea: 'default',
  new: 'blue',
  ready: 'cyan',
  accepted: 'cyan',
  in_review: 'processing',
  dispatched: 'processing',
  transferred: 'processing',
  in_progress: 'processing',
  returned: 'orange',
  signed_off: 'geekblue',
  submitted: 'geekblue',
  replied: 'green',
  published: 'success',
  filed: 'success',
  closed: 'default',
  closed_after_check: 'default',
  not_filed: 'default',
  merged: 'default',
  rejected: 'red',
  withdrawn: 'red',
  cancelled: 'red',
};

/** A coloured tag of a record's state with its text from `prefix.<state>`. */
export function StateTag({ prefix, state }: { prefix: string; state: string }) {
  const label = useLabel();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="state-tag">
      {label(prefix, state)}
    </Tag>
  );
}

/** The timeline of a record, newest last; actions and states are named from `prefix.action.*` / `prefix.*`. */
export function CaseTimeline({
  entries,
  actionPrefix,
  statePrefix,
}: {
  entries: readonly CaseTimelineEntry[];
  actionPrefix: string;
  statePrefix: string;
}) {
  const { t } = useI18n();
  const label = useLabel();
  if (entries.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        content: (
          <div>
            <Typography.Text strong>{label(actionPrefix, entry.action)}</Typography.Text>
            {entry.toState && entry.toState !== entry.fromState && (
              <Typography.Text type="secondary"> → {label(statePrefix, entry.toState)}</Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">{when(entry.at)}</Typography.Text>
            </div>
            {entry.note && <Typography.Paragraph style={{ margin: 0 }}>{entry.note}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

/** Runs one action at a time: `busy` while it runs, failures shown, success toasted and handed on. */
export function useRunner(): {
  busy: boolean;
  run<T>(step: () => Promise<T>, done: (result: T) => void): Promise<boolean>;
} {
  const { message } = App.useApp();
  const { t } = useI18n();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T,>(step: () => Promise<T>, done: (result: T) => void): Promise<boolean> => {
      setBusy(true);
      try {
        done(await step());
        void message.success(t('cases.done'));
        return true;
      } catch (error) {
        showError(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [message, showError, t],
  );
  return { busy, run };
}

/** The style of a row that scrolls sideways on a narrow screen (state tabs on a phone). */
export const SCROLL_ROW = { overflowX: 'auto', maxWidth: '100%', paddingBottom: 2 } as const;

/** A table's sideways scroll width on wide screens; none on a phone, where secondary columns are hidden. */
export function useTableScroll(x: number): { x: number } | undefined {
  const mobile = Grid.useBreakpoint().md === false;
  return mobile ? undefined : { x };
}

/** One figure of a {@link PeriodFigures} card. */
export interface PeriodFigure {
  title: string;
  value: number | string;
  /** Printed green: the rate the office is judged by. */
  highlight?: boolean;
}

/** A card of a workflow's figures over the last 30, 90 or 365 days, with the period switch in its header. */
export function PeriodFigures({
  title,
  testId,
  days,
  onDays,
  figures,
}: {
  title: string;
  testId: string;
  days: PeriodDays;
  onDays: (days: PeriodDays) => void;
  figures: readonly PeriodFigure[];
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Segmented<PeriodDays>
          size="small"
          value={days}
          onChange={onDays}
          options={PERIOD_DAYS.map((value) => ({ value, label: t('cases.period', { days: value }) }))}
        />
      }
    >
      <Row gutter={[12, 12]} data-testid={testId}>
        {figures.map((figure) => (
          <Col xs={12} md={6} key={figure.title}>
            <Statistic
              title={figure.title}
              value={figure.value}
              {...(figure.highlight === true && { styles: { content: { color: '#389e0d' } } })}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

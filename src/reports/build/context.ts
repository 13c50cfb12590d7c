/** What every builder needs besides the data: names, the period, and how to say the period's neighbours. */
import type { PeriodicReportData, ReportPeriod } from '../../domain/index.js';
import type { FigureBook } from './figures.js';

/** The inputs of a builder that are not records. */
export interface BuildContext {
  unitName: string;
  period: ReportPeriod;
  generatedAt: number;
  /** Chinese names of the category keys (built-in taxonomy plus the office's own). */
  categoryNames: Readonly<Record<string, string>>;
}

/** A builder's working state: the context, the figure book it registers numbers in. */
export interface BuildState extends BuildContext {
  book: FigureBook;
}

/** How a periodic report names its own, previous and next period. */
export interface PeriodWords {
  /** "本日" / "本周" / "本月". */
  current: string;
  /** "前一日" / "上周" / "上月". */
  previous: string;
  /** "明日" / "下周" / "下月". */
  next: string;
}

/** The words of each periodic type. */
export const PERIOD_WORDS: Readonly<Record<PeriodicReportData['type'], PeriodWords>> = {
  daily: { current: '本期', previous: '前一日', next: '明日' },
  weekly: { current: '本周', previous: '上周', next: '下周' },
  monthly: { current: '本月', previous: '上月', next: '下月' },
};

/**
 * The one-sentence risk judgement of a special report (专报), from the event's own figures: how negative it
 * is, how loud (heat), where it is in its life (stage) and whether officials or media have joined. The
 * thresholds are deliberately simple so that an officer can check the judgement against the printed figures.
 */
import { EVENT_STAGE_NAMES, type EventDossier } from '../../domain/index.js';

/** Risk grades of a special report. */
export type RiskGrade = 'high' | 'medium' | 'low';

/** Chinese names of the grades. */
export const RISK_GRADE_NAMES: Readonly<Record<RiskGrade, string>> = {
  high: '较高',
  medium: '中等',
  low: '较低',
};

const OUTLOOK: Readonly<Record<RiskGrade, string>> = {
  high: '存在进一步扩散升级的风险',
  medium: '仍有一定发酵可能',
  low: '总体平稳可控',
};

/** The grade of an event: high when loud or broadly negative while still growing, medium when either is moderate. */
export function riskGrade(dossier: EventDossier): RiskGrade {
  const { event } = dossier;
  const negativeShare = event.itemCount > 0 ? event.sentiment.negative / event.itemCount : 0;
  const growing = event.stage === 'fermenting' || event.stage === 'peak';
  const heat = event.heat ?? 0;
  if (heat >= 70 || (negativeShare >= 0.5 && growing)) return 'high';
  if (heat >= 40 || negativeShare >= 0.3 || dossier.voiceCounts.media > 0) return 'medium';
  return 'low';
}

/** "风险研判：较高。该事件…，存在进一步扩散升级的风险。" with the printed figures passed in. */
export function riskSentence(
  grade: RiskGrade,
  dossier: EventDossier,
  printed: { negativeShare: string; heat: string },
): string {
  const heat = dossier.event.heat === null ? '' : `热度${printed.heat}，`;
  return (
    `风险研判：${RISK_GRADE_NAMES[grade]}。该事件负面信息占比${printed.negativeShare}，${heat}` +
    `处于${EVENT_STAGE_NAMES[dossier.event.stage]}阶段，${OUTLOOK[grade]}。`
  );
}

/** Suggested handling by grade (the office edits them in the report). */
export function suggestions(grade: RiskGrade): string[] {
  const common = ['持续跟踪监测事件走势和网民情绪变化，发现新情况及时报告。'];
  if (grade === 'low') return [...common, '由责任单位按职责做好解释答复工作。'];
  const medium = [
    '责任单位尽快核实情况，掌握事实依据。',
    '视核实情况适时发布权威信息，回应网民关切。',
    ...common,
  ];
  if (grade === 'medium') return medium;
  return [
    '建议启动相应舆情应急预案，由牵头单位统筹处置。',
    '责任单位立即核查事实，原则上在规定时限内通过官方渠道发布权威信息。',
    '加强与主流媒体沟通，做好正面引导，防止谣言传播。',
    ...common,
  ];
}

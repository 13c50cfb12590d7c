/** 负面及敏感信息: how many, and the most engaged of them in a table. */
import type { ItemBrief, PeriodicReportData, ReportBlock, ReportSection } from '../../domain/index.js';
import type { BuildState, PeriodWords } from './context.js';
import { categoryName, platformName } from './names.js';
import { clip, monthDayTime } from './text.js';

function itemTable(caption: string, items: ItemBrief[], state: BuildState, figure: string): ReportBlock {
  return {
    kind: 'table',
    caption,
    columns: [
      { title: '发布时间', width: 2 },
      { title: '平台', width: 1.5 },
      { title: '作者', width: 2 },
      { title: '内容摘要', width: 7 },
      { title: '互动量', align: 'right', width: 1.5 },
    ],
    rows: items.map((item) => [
      monthDayTime(item.publishedAt, state.period.timeZone),
      platformName(item.platform),
      item.author ?? '—',
      clip(item.title ? `${item.title}：${item.excerpt}` : item.excerpt, 60),
      item.engagement,
    ]),
    figures: [figure],
  };
}

/** The negative and sensitive items section. */
export function negativeSection(
  data: PeriodicReportData,
  state: BuildState,
  words: PeriodWords,
): ReportSection {
  const { book } = state;
  book.count('negative.count', '负面信息', data.negative, (value) => value.count);
  book.count('sensitive.count', '敏感负面信息', data.sensitive, (value) => value.count);
  const sensitiveNames = data.sensitiveCategories
    .map((key) => categoryName(key, state.categoryNames))
    .join('、');
  if (data.negative.value.count === 0) {
    return {
      key: 'negative',
      title: '负面及敏感信息',
      blocks: [
        {
          kind: 'paragraph',
          text: `${words.current}监测到负面信息${book.print('negative.count')}条，未发现敏感负面信息。`,
          figures: ['negative.count'],
        },
      ],
    };
  }
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text:
        `${words.current}监测到负面信息${book.print('negative.count')}条，其中涉及${sensitiveNames}等敏感领域的` +
        `${book.print('sensitive.count')}条。互动量较高的负面信息如下：`,
      figures: ['negative.count', 'sensitive.count'],
    },
    itemTable('负面信息（按互动量排序）', data.negative.value.items, state, 'negative.count'),
  ];
  if (data.sensitive.value.items.length > 0) {
    blocks.push(itemTable('敏感负面信息', data.sensitive.value.items, state, 'sensitive.count'));
  }
  return { key: 'negative', title: '负面及敏感信息', blocks };
}

import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { SourceProblem } from './model';

const SHOWN = 10;

/** The problems block of a report: what produced no task and how to write it. */
export function describeProblems(lang: Lang, problems: readonly SourceProblem[]): string {
  if (!problems.length) return '';
  const m = messages(lang).tasks;
  const lines = problems
    .slice(0, SHOWN)
    .map((p) => fill(m.problem[p.kind], { row: p.row ?? '', text: p.text ?? '' }));
  if (problems.length > SHOWN) lines.push(fill(m.moreProblems, { n: problems.length - SHOWN }));
  if (problems.some((p) => p.kind === 'frequency')) lines.push(m.frequencyHelp);
  return [m.problemsHeader, ...lines].join('\n');
}

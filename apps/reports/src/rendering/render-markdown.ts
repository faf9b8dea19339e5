import { escapeMarkdown as m, isWebLink } from './escape.js';
import type { ReportDocument } from './report-document.js';

/** The report as Markdown, for editors and for a readable diff between versions. User text is escaped. */
export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${m(doc.title)}`, ''];
  if (doc.withdrawn) out.push(`**This report was withdrawn:** ${m(doc.withdrawn)}`, '');
  const meeting = [doc.meeting.date, doc.meeting.place].filter(Boolean).join(', ');
  out.push(`${m(doc.meeting.title)}${meeting ? ` — ${m(meeting)}` : ''}`, '');
  if (doc.meeting.process) out.push(`*${m(doc.meeting.process)}*`, '');
  if (doc.summary) out.push('## Summary', '', m(doc.summary), '');
  out.push('## Who took part', '', m(doc.attendance.totals), '');
  for (const line of doc.attendance.lines) {
    const head = line.head
      ? ` — ${m(line.head.name)}${line.head.originalName ? ` (${m(line.head.originalName)})` : ''}${line.head.position ? `, ${m(line.head.position)}` : ''}`
      : '';
    out.push(`- **${m(line.party)}**${head}`);
  }
  out.push('');
  if (doc.sections.length) {
    out.push('## What was discussed', '');
    for (const s of doc.sections) out.push(`### ${m(s.title)}`, '', m(s.text), '');
  }
  if (doc.statements.length) {
    out.push('## Statements', '');
    for (const s of doc.statements) {
      const who = [s.speaker, s.position, s.partyName]
        .filter(Boolean)
        .map((x) => m(x!))
        .join(', ');
      out.push(`> «${m(s.quote)}»`, `> — ${who}`, '');
    }
  }
  if (doc.decisions.length) {
    out.push('## What was agreed', '');
    for (const d of doc.decisions)
      out.push(
        `- ${m(d.text)}${d.parties.length ? ` *(${d.kind === 'agreement' ? 'agreed by' : 'decided by'} ${m(d.parties.join(', '))})*` : ''}`,
      );
    out.push('');
  }
  if (doc.recommendations.length)
    out.push('## Recommendations', '', ...doc.recommendations.map((r) => `- ${m(r)}`), '');
  if (doc.followUps.length) {
    out.push('## Follow-up', '', '| Action | Responsible | Due | Status |', '| --- | --- | --- | --- |');
    for (const f of doc.followUps)
      out.push(`| ${m(f.action)} | ${m(f.responsible)} | ${m(f.dueDate ?? '')} | ${m(f.status)} |`);
    out.push('');
  }
  if (doc.annexes.length) {
    out.push(
      '## Annexes',
      '',
      ...doc.annexes.map((a) =>
        isWebLink(a.url)
          ? `- [${m(a.title)}](<${a.url.replace(/[<>\s]/g, encodeURIComponent)}>)`
          : `- ${m(a.title)}`,
      ),
      '',
    );
  }
  out.push(
    '---',
    '',
    [doc.stamp, doc.changeNote ? `(${doc.changeNote})` : undefined, doc.versionLabel]
      .filter(Boolean)
      .map((x) => m(x!))
      .join(' · '),
    '',
  );
  return out.join('\n');
}

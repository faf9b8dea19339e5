import { escapeHtml as e, isWebLink } from './escape.js';
import type { ReportDocument } from './report-document.js';

const list = (items: string[]) =>
  items.length ? `<ul>\n${items.map((i) => `  <li>${i}</li>`).join('\n')}\n</ul>` : '';

/**
 * The public page of a report, like the seed meeting's page: the meeting (title, date, place,
 * process), who took part, what was discussed and said, what was agreed, and when the page last
 * changed. Every piece of user text is escaped; only http(s) links become links.
 */
export function renderHtml(doc: ReportDocument): string {
  const meeting = [doc.meeting.date, doc.meeting.place].filter(Boolean).join(', ');
  const parts: string[] = [];
  if (doc.withdrawn)
    parts.push(`<p class="withdrawn"><strong>This report was withdrawn:</strong> ${e(doc.withdrawn)}</p>`);
  parts.push(`<p class="meeting">${e(doc.meeting.title)}${meeting ? ` — ${e(meeting)}` : ''}</p>`);
  if (doc.meeting.process) parts.push(`<p class="process">${e(doc.meeting.process)}</p>`);
  if (doc.summary) parts.push(`<section><h2>Summary</h2>\n<p>${e(doc.summary)}</p></section>`);
  if (doc.meeting.description)
    parts.push(`<section><h2>About the process</h2>\n<p>${e(doc.meeting.description)}</p></section>`);

  const attendance = doc.attendance.lines.map((line) => {
    const head = line.head
      ? ` — ${e(line.head.name)}${line.head.originalName ? ` (${e(line.head.originalName)})` : ''}${line.head.position ? `, ${e(line.head.position)}` : ''}`
      : '';
    return `<strong>${e(line.party)}</strong>${head}`;
  });
  parts.push(
    `<section><h2>Who took part</h2>\n<p>${e(doc.attendance.totals)}</p>\n${list(attendance)}</section>`,
  );

  if (doc.sections.length) {
    parts.push(
      `<section><h2>What was discussed</h2>\n${doc.sections.map((s) => `<h3>${e(s.title)}</h3>\n<p>${e(s.text)}</p>`).join('\n')}</section>`,
    );
  }
  if (doc.statements.length) {
    const statements = doc.statements.map((s) => {
      const who = [s.speaker, s.position, s.partyName]
        .filter(Boolean)
        .map((x) => e(x!))
        .join(', ');
      return `<blockquote><p>«${e(s.quote)}»</p><footer>${who}</footer></blockquote>`;
    });
    parts.push(`<section><h2>Statements</h2>\n${statements.join('\n')}</section>`);
  }
  if (doc.decisions.length) {
    const decisions = doc.decisions.map(
      (d) =>
        `${e(d.text)}${d.parties.length ? ` <em>(${d.kind === 'agreement' ? 'agreed by' : 'decided by'} ${e(d.parties.join(', '))})</em>` : ''}`,
    );
    parts.push(`<section><h2>What was agreed</h2>\n${list(decisions)}</section>`);
  }
  if (doc.recommendations.length)
    parts.push(`<section><h2>Recommendations</h2>\n${list(doc.recommendations.map(e))}</section>`);
  if (doc.followUps.length) {
    const rows = doc.followUps.map(
      (f) =>
        `<tr><td>${e(f.action)}</td><td>${e(f.responsible)}</td><td>${e(f.dueDate ?? '')}</td><td>${e(f.status)}</td></tr>`,
    );
    parts.push(
      `<section><h2>Follow-up</h2>\n<table>\n<tr><th>Action</th><th>Responsible</th><th>Due</th><th>Status</th></tr>\n${rows.join('\n')}\n</table></section>`,
    );
  }
  if (doc.annexes.length) {
    const annexes = doc.annexes.map((a) =>
      isWebLink(a.url) ? `<a href="${e(a.url)}" rel="noopener">${e(a.title)}</a>` : e(a.title),
    );
    parts.push(`<section><h2>Annexes</h2>\n${list(annexes)}</section>`);
  }
  const footer = [doc.stamp, doc.changeNote ? `(${doc.changeNote})` : undefined, doc.versionLabel]
    .filter(Boolean)
    .map((x) => e(x!));
  parts.push(`<footer class="changed">${footer.join(' · ')}</footer>`);

  return `<!DOCTYPE html>
<html lang="${e(doc.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
blockquote{border-left:3px solid #999;margin:1rem 0;padding-left:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
.withdrawn{background:#fee;padding:.5rem}.changed{color:#555;margin-top:2rem}</style>
</head>
<body>
<article>
<h1>${e(doc.title)}</h1>
${parts.join('\n')}
</article>
</body>
</html>
`;
}

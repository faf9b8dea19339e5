import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from './report-document.js';

// DejaVu Sans covers Latin, Cyrillic and Greek; it ships as an npm package, so no system font is needed.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/**
 * The report as a PDF for circulation (PDFKit). Names are written in Latin script, as in
 * international documents; body text in right-to-left scripts is not laid out right to left.
 */
export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: doc.title, Subject: doc.meeting.title, Producer: 'Plenary', Creator: 'Plenary reports' },
    lang: doc.language,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('body', FONT);
  pdf.registerFont('bold', FONT_BOLD);

  const heading = (text: string) => pdf.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3);
  const paragraph = (text: string) =>
    pdf.font('body').fontSize(10.5).text(text, { align: 'left' }).moveDown(0.4);
  const bullet = (text: string) =>
    pdf.font('body').fontSize(10.5).text(`•  ${text}`, { indent: 8 }).moveDown(0.15);

  if (doc.withdrawn)
    pdf
      .font('bold')
      .fontSize(11)
      .fillColor('#a00')
      .text(`This report was withdrawn: ${doc.withdrawn}`)
      .fillColor('black')
      .moveDown();
  pdf.font('bold').fontSize(17).text(doc.title).moveDown(0.4);
  paragraph([doc.meeting.title, doc.meeting.date, doc.meeting.place].filter(Boolean).join(' — '));
  if (doc.meeting.process) paragraph(doc.meeting.process);
  if (doc.summary) {
    heading('Summary');
    paragraph(doc.summary);
  }
  heading('Who took part');
  paragraph(doc.attendance.totals);
  for (const line of doc.attendance.lines) {
    bullet(
      `${line.party}${line.head ? ` — ${line.head.name}${line.head.position ? `, ${line.head.position}` : ''}` : ''}`,
    );
  }
  if (doc.sections.length) {
    heading('What was discussed');
    for (const s of doc.sections) {
      pdf.font('bold').fontSize(11).text(s.title).moveDown(0.2);
      paragraph(s.text);
    }
  }
  if (doc.statements.length) {
    heading('Statements');
    for (const s of doc.statements) {
      paragraph(`«${s.quote}»`);
      pdf
        .font('body')
        .fontSize(9.5)
        .fillColor('#444')
        .text([s.speaker, s.position, s.partyName].filter(Boolean).join(', '))
        .fillColor('black')
        .moveDown(0.4);
    }
  }
  if (doc.decisions.length) {
    heading('What was agreed');
    for (const d of doc.decisions)
      bullet(
        `${d.text}${d.parties.length ? ` (${d.kind === 'agreement' ? 'agreed by' : 'decided by'} ${d.parties.join(', ')})` : ''}`,
      );
  }
  if (doc.recommendations.length) {
    heading('Recommendations');
    doc.recommendations.forEach(bullet);
  }
  if (doc.followUps.length) {
    heading('Follow-up');
    for (const f of doc.followUps)
      bullet(`${f.action} — ${f.responsible}${f.dueDate ? `, by ${f.dueDate}` : ''} (${f.status})`);
  }
  if (doc.annexes.length) {
    heading('Annexes');
    for (const a of doc.annexes) bullet(`${a.title}: ${a.url}`);
  }
  pdf
    .moveDown()
    .font('body')
    .fontSize(9)
    .fillColor('#555')
    .text(
      [doc.stamp, doc.changeNote ? `(${doc.changeNote})` : undefined, doc.versionLabel]
        .filter(Boolean)
        .join(' · '),
    );
  pdf.end();
  return done;
}

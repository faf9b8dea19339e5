import type { BadgeLayout, DelegationRole } from '@plenary/contracts';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// DejaVu ships as an npm package (no system font needed) and covers Latin, Cyrillic, Greek and
// Arabic; PDFKit's font engine (fontkit) joins Arabic letters and lays a line of Arabic out right
// to left. Not covered: Chinese, Japanese, Korean (a name in those scripts prints as boxes).
// The same font paths as apps/reports' PDF renderer: a shared helper would belong in a lib.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const FONT_MONO = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf');

/** What one badge shows. */
export interface BadgeCard {
  /** The name in its original script; left out when it is the Latin one. */
  originalName?: string;
  latinName: string;
  honorific?: string;
  party: string;
  role: DelegationRole;
  badgeNumber: string;
  /** The signed code: in the QR code and printed under it, for a desk without a scanner. */
  code: string;
}

const ROLE_LABELS: Record<DelegationRole, string> = {
  head: 'Head of delegation',
  alternate: 'Alternate',
  member: 'Member',
  adviser: 'Adviser',
  expert: 'Expert',
  observer: 'Observer',
};

// A6 in points (105 × 148 mm); A4 holds four, two by two.
const A6 = { width: 297.64, height: 419.53 };
const MARGIN = 18;
const QR_SIZE = 118;

/**
 * Printable badges: one A6 page each, or four per A4 sheet with light cut lines. Each shows the
 * meeting, the name in its original script and in Latin, the party, the role, the badge number,
 * and the QR code of the signed code with the code printed under it.
 */
export async function renderBadgeSheet(
  meetingTitle: string,
  cards: BadgeCard[],
  layout: BadgeLayout,
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: layout === 'a4' ? 'A4' : [A6.width, A6.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: `Badges — ${meetingTitle}`, Producer: 'Plenary', Creator: 'Plenary participants' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('body', FONT);
  pdf.registerFont('bold', FONT_BOLD);
  pdf.registerFont('mono', FONT_MONO);

  const perPage = layout === 'a4' ? 4 : 1;
  for (const [i, card] of cards.entries()) {
    // Drawing is synchronous work (tens of ms a badge): the event loop gets a turn between
    // badges, so a meeting's whole print run never stalls the service's other requests.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const slot = i % perPage;
    if (slot === 0) {
      pdf.addPage();
      if (layout === 'a4') cutLines(pdf);
    }
    const x = layout === 'a4' ? (slot % 2) * A6.width : 0;
    const y = layout === 'a4' ? Math.floor(slot / 2) * A6.height : 0;
    // Error correction M: a badge survives a crease or a smudge; the code fits a version 4
    // symbol. Four pixels a module, drawn without interpolation: sharp at any print size.
    const qr = await QRCode.toBuffer(card.code, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
    drawBadge(pdf, x, y, meetingTitle, card, qr);
  }
  pdf.end();
  return done;
}

function cutLines(pdf: PDFKit.PDFDocument): void {
  pdf
    .save()
    .lineWidth(0.3)
    .strokeColor('#bbbbbb')
    .dash(3, { space: 3 })
    .moveTo(A6.width, 0)
    .lineTo(A6.width, 2 * A6.height)
    .moveTo(0, A6.height)
    .lineTo(2 * A6.width, A6.height)
    .stroke()
    .undash()
    .restore();
}

function drawBadge(
  pdf: PDFKit.PDFDocument,
  x: number,
  y: number,
  meetingTitle: string,
  card: BadgeCard,
  qr: Buffer,
): void {
  const width = A6.width - 2 * MARGIN;
  const left = x + MARGIN;
  // Each field is its own text, so a right-to-left name is laid out alone, never mixed with
  // Latin; a long one is set smaller until it fits its lines, rather than cut.
  const line = (text: string, font: string, size: number, top: number, color = '#000000', lines = 2) => {
    pdf.font(font);
    let fitted = size;
    const height = () => pdf.fontSize(fitted).heightOfString(text, { width, lineGap: 1 });
    while (fitted > 6 && height() > lines * (fitted * 1.2 + 1) + 0.5) fitted -= 0.5;
    return pdf
      .fontSize(fitted)
      .fillColor(color)
      .text(text, left, top, {
        width,
        align: 'center',
        lineGap: 1,
        ellipsis: true,
        height: lines * (fitted * 1.2 + 1) + 1,
      });
  };

  pdf.save().rect(x, y, A6.width, 56).fill('#1f4e79').restore();
  line(meetingTitle, 'bold', 10.5, y + 9, '#ffffff', 3);

  let top = y + 78;
  if (card.originalName) {
    line(card.originalName, 'bold', 19, top);
    top = pdf.y + 6;
  }
  const latin = card.honorific ? `${card.honorific} ${card.latinName}` : card.latinName;
  line(latin, card.originalName ? 'body' : 'bold', card.originalName ? 14 : 19, top);
  top = pdf.y + 12;
  line(card.party, 'bold', 12.5, top, '#1f4e79');
  top = pdf.y + 4;
  line(ROLE_LABELS[card.role], 'body', 10.5, top, '#333333');

  const qrTop = y + A6.height - MARGIN - QR_SIZE - 40;
  pdf.image(qr, x + (A6.width - QR_SIZE) / 2, qrTop, { width: QR_SIZE, height: QR_SIZE });
  line(`No. ${card.badgeNumber}`, 'bold', 12, qrTop + QR_SIZE + 4);
  line(card.code, 'mono', 5.6, qrTop + QR_SIZE + 22, '#444444', 1);
}

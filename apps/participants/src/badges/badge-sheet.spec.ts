import { describe, expect, it } from '@jest/globals';
import { pdfContent } from '../../../../tests/support/pdf-content.js';
import { type BadgeCard, renderBadgeSheet } from './badge-sheet.js';

const card = (n: number, overrides: Partial<BadgeCard> = {}): BadgeCard => ({
  latinName: `Person Number${n}`,
  party: 'Kazakhstan',
  role: 'member',
  badgeNumber: String(n).padStart(4, '0'),
  code: `PB1.0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a.${String(n).padStart(4, '0')}.AAAAAAAAAAAAAAAAAAAAA${n % 10}`,
  ...overrides,
});

describe('badge sheet', () => {
  const cards = [
    card(1, { originalName: 'Даулет Аргандыков', latinName: 'Daulet Argandykov', role: 'head' }),
    card(2, { originalName: 'محمد عبدالله', latinName: 'Mohammad Abdullah', party: 'Afghanistan' }),
    card(3, { honorific: 'Ms.' }),
    card(4),
    card(5),
  ];

  it('puts four badges on an A4 sheet, each with a QR code that scans to its code, printed under it', async () => {
    const pdf = await renderBadgeSheet('Almaty Process, 2nd meeting', cards, 'a4');
    const content = await pdfContent(pdf);
    expect(content.pages).toHaveLength(2);
    expect(content.images).toBe(5);
    expect(content.qrCodes.sort()).toEqual(cards.map((c) => c.code).sort());
    const text = content.pages.join('\n');
    for (const c of cards) {
      expect(text).toContain(c.code);
      expect(text).toContain(`No. ${c.badgeNumber}`);
    }
    expect(text).toContain('Даулет Аргандыков');
    expect(text).toContain('Daulet Argandykov');
    expect(text).toContain('Head of delegation');
    expect(text).toContain('Ms. Person Number3');
    expect(text).toContain('Almaty Process, 2nd meeting');
  });

  it('writes an Arabic name with its letters joined, laid out right to left', async () => {
    const content = await pdfContent(await renderBadgeSheet('Meeting', [cards[1]], 'a6'));
    expect(content.pages).toHaveLength(1);
    // The text is stored as shaped glyphs in visual order; a reader gets both words back.
    const text = content.pages[0].normalize('NFKC');
    expect(text).toContain('محمد');
    expect(text).toContain('عبدالله');
    expect(content.qrCodes).toEqual([cards[1].code]);
  });

  it('sets a long name smaller rather than cut it', async () => {
    const long = card(6, {
      originalName: 'Даулет Аргандыков-Нурсултанович Константинопольский',
      latinName: 'Daulet Argandykov-Nursultanovich Konstantinopolsky',
      honorific: 'H.E. Mr.',
      party: 'Office of the United Nations High Commissioner for Refugees',
    });
    const text = (await pdfContent(await renderBadgeSheet('Meeting', [long], 'a6'))).pages[0].replace(
      /\s+/g,
      '',
    );
    for (const shown of [long.originalName!, `H.E. Mr. ${long.latinName}`, long.party, long.code])
      expect(text).toContain(shown.replace(/\s+/g, ''));
    expect(text).not.toContain('…');
  });

  it('gives each badge its own A6 page when asked', async () => {
    const content = await pdfContent(await renderBadgeSheet('Meeting', cards, 'a6'));
    expect(content.pages).toHaveLength(5);
    expect(content.qrCodes).toHaveLength(5);
  });
});

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML shows it, never as markup: a title like <script> stays text. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML[c]);

/**
 * Text as Markdown shows it: its punctuation cannot start a heading, link, list or emphasis,
 * and its angle brackets cannot become HTML when the Markdown is rendered.
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/[&<>]/g, (c) => HTML[c])
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // what would start a heading, list or quote at the beginning of a line
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');

/** Only web links are ever written out as links. */
export const isWebLink = (url: string): boolean => /^https?:\/\//i.test(url);

import { describe, expect, it } from '@jest/globals';
import { escapeHtml, escapeMarkdown, isWebLink } from './escape.js';

describe('escaping user text', () => {
  it('keeps HTML from becoming markup', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('keeps Markdown from becoming emphasis, links, HTML or headings, and leaves ordinary text readable', () => {
    expect(escapeMarkdown('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMarkdown('- not a list\n1. nor this')).toBe('\\- not a list\n1\\. nor this');
    expect(escapeMarkdown('*bold* [link](http://x) <img src=x>')).toBe(
      '\\*bold\\* \\[link\\](http://x) &lt;img src=x&gt;',
    );
    expect(escapeMarkdown('Changed on 12 December, 2014 - 17:09')).toBe(
      'Changed on 12 December, 2014 - 17:09',
    );
  });

  it('writes only web links as links', () => {
    expect(isWebLink('https://documents.example.org/a.pdf')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
  });
});

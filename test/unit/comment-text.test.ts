import { commentFingerprint, countLinks, renderCommentHtml, sanitizeCommentBody } from '../../src/discussion/comment-text';

describe('comment text', () => {
  it.each([
    ['<p>Bonjour</p><p>le monde</p>', 'Bonjour\nle monde'],
    ['ligne<br>suivante<br/>fin', 'ligne\nsuivante\nfin'],
    ['<b>gras</b> et <i>italique</i>', 'gras et italique'],
    ['<script>alert(1)</script>', ''],
    ['<style>body{display:none}</style>texte', 'texte'],
    ['&lt;b&gt;pas de gras&lt;/b&gt;', 'pas de gras'],
    ['&amp;amp;lt;b&amp;amp;gt;x', 'x'],
    // An unclosed script block takes the rest of the text with it, as a browser would.
    ['y &amp;amp;lt;script&amp;amp;gt;x', 'y'],
    ['AT&T et R&D', 'AT&T et R&D'],
    ['caf&eacute; &#233;t&#xE9;', 'caf&eacute; été'],
    ['a < b, c > d', 'a < b, c > d'],
    ['  espaces    multiples  \n\n\n\n\npuis  ', 'espaces multiples\n\npuis'],
    ['\u202Eabc\u200F def', 'abc def'],
    ['emoji 👨‍👩‍👧 famille', 'emoji 👨‍👩‍👧 famille'],
    ['fin ouverte <img src=x onerror=alert(1)', 'fin ouverte'],
    ['&#0;&#xD800;&#1114112;ok', 'ok'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(sanitizeCommentBody(raw)).toBe(clean);
  });

  it('escapes everything it renders and links http(s) addresses only', () => {
    expect(renderCommentHtml('x < y & "z"')).toBe('<p>x &lt; y &amp; &quot;z&quot;</p>');
    expect(renderCommentHtml('voir https://exemple.fr/a_b?c=1&d=2.')).toBe(
      '<p>voir <a rel="nofollow ugc noopener" href="https://exemple.fr/a_b?c=1&amp;d=2">https://exemple.fr/a_b?c=1&amp;d=2</a>.</p>',
    );
    expect(renderCommentHtml('javascript:alert(1) data:text/html,x ftp://x.test')).toBe('<p>javascript:alert(1) data:text/html,x ftp://x.test</p>');
    expect(renderCommentHtml('')).toBe('');
  });

  it('counts what readers would take for links', () => {
    expect(countLinks('https://a.test http://b.test/x www.c.org lemonde.fr')).toBe(4);
    expect(countLinks('Une phrase. Une autre.')).toBe(0);
  });

  it('fingerprints ignore case, accents, spacing and punctuation, but not the author', () => {
    expect(commentFingerprint('user:1', 'Très bien !')).toBe(commentFingerprint('user:1', '  tres   BIEN'));
    expect(commentFingerprint('user:1', 'Très bien')).not.toBe(commentFingerprint('user:2', 'Très bien'));
  });
});

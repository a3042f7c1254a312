// Search for a static copy of the site, in the browser: reads the index the export wrote (search/index.json) and ranks
// entries as the live site's SQLite FTS5 search does. Words are cut as FTS5's unicode61 tokenizer cuts them (letters and
// digits, lower case, accents removed) and stemmed by its Porter stemmer; plain words match as prefixes, words joined by
// punctuation as a phrase; quotes, *, AND, OR, NOT, parentheses and column: filters are read as FTS5 reads them; results
// are ordered by bm25 with the server's column weights. Where they differ is listed in README ("Publish it as static files").
const PortfolioSearch = (() => {
  'use strict';

  const K1 = 1.2;
  const B = 0.75;
  const LIMIT = 200;
  const COLUMNS = ['title', 'body', 'tags'];

  // --- Tokens: runs of letters, digits and private-use characters; marks inside a word are dropped with the accents.
  const WORD = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{Mn}]*/gu;
  const ASCII = /^[\x00-\x7f]*$/;

  // A term is kept as its UTF-8 bytes, one character each, as FTS5 compares and stems bytes.
  function bytes(word) {
    return ASCII.test(word) ? word : String.fromCharCode(...new TextEncoder().encode(word));
  }

  // Lower case; accents are removed from Latin letters only, and a final sigma folds to sigma, as in FTS5's tables.
  function fold(word) {
    return ASCII.test(word)
      ? word.toLowerCase()
      : word.toLowerCase().normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').replaceAll('ς', 'σ');
  }

  /** The terms of a text with where each stands in it: [{ term, start, end }]. */
  function tokens(text) {
    const result = [];
    for (const match of text.matchAll(WORD)) {
      const folded = fold(match[0]);
      if (folded.length > 0) {
        result.push({ term: stem(bytes(folded)), start: match.index, end: match.index + match[0].length });
      }
    }
    return result;
  }

  // --- The Porter stemmer as FTS5 applies it: words of 3 to 64 bytes; y is a vowel after a consonant.
  function consonants(word) {
    const result = [];
    for (let i = 0; i < word.length; i++) {
      const c = word[i];
      const vowel = 'aeiou'.includes(c) || (c === 'y' && i > 0 && result[i - 1]);
      result.push(!vowel);
    }
    return result;
  }

  // The number of vowel-consonant sequences of a stem (Porter's m).
  function measure(stem) {
    const cons = consonants(stem);
    let m = 0;
    for (let i = 1; i < cons.length; i++) {
      if (cons[i] && !cons[i - 1]) {
        m++;
      }
    }
    return m;
  }

  function hasVowel(stem) {
    for (let i = 0; i < stem.length; i++) {
      if ('aeiou'.includes(stem[i]) || (stem[i] === 'y' && i > 0)) {
        return true;
      }
    }
    return false;
  }

  // Consonant, vowel, consonant at the end, the last not w, x or y (Porter's *o).
  function endsCvc(stem) {
    const n = stem.length;
    if (n < 3 || 'wxy'.includes(stem[n - 1])) {
      return false;
    }
    const cons = consonants(stem);
    return cons[n - 3] && !cons[n - 2] && cons[n - 1];
  }

  const mOver0 = (stem) => measure(stem) > 0;
  const mOver1 = (stem) => measure(stem) > 1;

  // Each step: the first suffix the word ends with (leaving a stem) decides; its rule applies when its condition holds.
  const STEP2 = [
    ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['logi', 'log'],
    ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
    ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
    ['iviti', 'ive'], ['biliti', 'ble'],
  ].map(([suffix, replacement]) => [suffix, replacement, mOver0]);
  const STEP3 = [
    ['ical', 'ic'], ['ness', ''], ['icate', 'ic'], ['iciti', 'ic'], ['ful', ''], ['ative', ''], ['alize', 'al'],
  ].map(([suffix, replacement]) => [suffix, replacement, mOver0]);
  const STEP4 = [
    'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti',
    'ous', 'ive', 'ize',
  ].map((suffix) => [suffix, '', suffix === 'ion' ? (stem) => /[st]$/.test(stem) && mOver1(stem) : mOver1]);

  function applyFirst(word, rules) {
    for (const [suffix, replacement, condition] of rules) {
      if (word.length > suffix.length && word.endsWith(suffix)) {
        const stem = word.slice(0, -suffix.length);
        return condition(stem) ? stem + replacement : word;
      }
    }
    return word;
  }

  function stem(word) {
    if (word.length < 3 || word.length > 64) {
      return word;
    }
    let w = word;
    // Step 1a: plurals.
    if (w.endsWith('s')) {
      if (w.endsWith('es') && ((w.length > 4 && w.endsWith('sses')) || (w.length > 3 && w.endsWith('ies')))) {
        w = w.slice(0, -2);
      } else if (w.endsWith('es') || !w.endsWith('ss')) {
        w = w.slice(0, -1);
      }
    }
    // Step 1b: -eed, -ed, -ing.
    let removed = false;
    if (w.length > 3 && w.endsWith('eed')) {
      if (mOver0(w.slice(0, -3))) {
        w = w.slice(0, -1);
      }
    } else if (w.length > 2 && w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
      w = w.slice(0, -2);
      removed = true;
    } else if (w.length > 3 && w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
      w = w.slice(0, -3);
      removed = true;
    }
    if (removed) {
      const last = w[w.length - 1];
      if (w.length > 2 && /(at|bl|iz)$/.test(w)) {
        w += 'e';
      } else if (!'aeioulsz'.includes(last) && last === w[w.length - 2]) {
        w = w.slice(0, -1);
      } else if (measure(w) === 1 && endsCvc(w)) {
        w += 'e';
      }
    }
    // Step 1c: a final y after a vowel becomes i.
    if (w.endsWith('y') && hasVowel(w.slice(0, -1))) {
      w = w.slice(0, -1) + 'i';
    }
    w = applyFirst(applyFirst(applyFirst(w, STEP2), STEP3), STEP4);
    // Step 5.
    if (w.endsWith('e')) {
      const s = w.slice(0, -1);
      if (mOver1(s) || (measure(s) === 1 && !endsCvc(s))) {
        w = s;
      }
    }
    if (w.length > 1 && w.endsWith('ll') && mOver1(w.slice(0, -1))) {
      w = w.slice(0, -1);
    }
    return w;
  }

  // --- Queries: a tree of phrases joined by AND, OR and NOT, as FTS5 reads its query syntax.
  class QuerySyntaxError extends Error {}

  function phrase(text, prefix, column) {
    return { type: 'phrase', terms: tokens(text).map((t) => t.term), prefix, column };
  }

  // FTS5's query syntax: anything it would refuse (or that this reader does not know) throws QuerySyntaxError.
  function parseSyntax(text) {
    const lexemes = [];
    const bare = /[A-Za-z0-9_\x1a\u0080-\uffff]/;
    for (let i = 0; i < text.length;) {
      const c = text[i];
      if (/\s/.test(c)) {
        i++;
      } else if ('()*:'.includes(c)) {
        lexemes.push({ kind: c });
        i++;
      } else if (c === '"') {
        let value = '';
        i++;
        for (;;) {
          if (i >= text.length) {
            throw new QuerySyntaxError('unterminated string');
          }
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value += text[i++];
        }
        lexemes.push({ kind: 'string', value });
      } else if (bare.test(c)) {
        let value = '';
        while (i < text.length && bare.test(text[i])) {
          value += text[i++];
        }
        lexemes.push(['AND', 'OR', 'NOT'].includes(value) ? { kind: value } : { kind: value === 'NEAR' ? 'NEAR' : 'word', value });
      } else {
        throw new QuerySyntaxError(`unexpected ${c}`);
      }
    }

    let at = 0;
    const peek = (offset = 0) => lexemes[at + offset];
    const take = (kind) => {
      if (peek()?.kind !== kind) {
        throw new QuerySyntaxError(`expected ${kind}`);
      }
      return lexemes[at++];
    };
    const isPhraseStart = () => peek()?.kind === 'string' || peek()?.kind === 'word';

    function column() {
      if (peek()?.kind === 'word' && peek(1)?.kind === ':') {
        const name = peek().value.toLowerCase();
        const index = COLUMNS.indexOf(name === 'title' || name === 'body' || name === 'tags' ? name : '');
        if (index < 0) {
          throw new QuerySyntaxError(`no column ${name}`);
        }
        at += 2;
        return index;
      }
      return null;
    }

    function phraseItem(columnIndex) {
      const lexeme = lexemes[at++];
      let prefix = false;
      if (peek()?.kind === '*') {
        at++;
        prefix = true;
      }
      return phrase(lexeme.value, prefix, columnIndex);
    }

    // Phrases side by side are ANDed; an empty one among them is left out, and alone it matches nothing.
    function unit() {
      const columnIndex = column();
      if (peek()?.kind === '(') {
        at++;
        const inner = orExpression();
        take(')');
        return columnIndex === null ? inner : restrict(inner, columnIndex);
      }
      if (!isPhraseStart()) {
        throw new QuerySyntaxError('expected a phrase');
      }
      const phrases = [phraseItem(columnIndex)];
      while (isPhraseStart() || (peek()?.kind === 'word' && peek(1)?.kind === ':')) {
        const nextColumn = column();
        if (!isPhraseStart()) {
          throw new QuerySyntaxError('expected a phrase');
        }
        phrases.push(phraseItem(nextColumn));
      }
      if (peek()?.kind === '(') {
        throw new QuerySyntaxError('a group cannot follow a phrase');
      }
      const kept = phrases.filter((p) => p.terms.length > 0);
      return kept.length === 0 ? { type: 'nothing', all: phrases } : kept.length === 1 ? kept[0] : { type: 'and', children: kept, all: phrases };
    }

    function notExpression() {
      let node = unit();
      while (peek()?.kind === 'NOT') {
        at++;
        node = { type: 'not', children: [node, unit()] };
      }
      return node;
    }

    function andExpression() {
      let node = notExpression();
      while (peek()?.kind === 'AND') {
        at++;
        node = { type: 'and', children: [node, notExpression()] };
      }
      return node;
    }

    function orExpression() {
      let node = andExpression();
      while (peek()?.kind === 'OR') {
        at++;
        node = { type: 'or', children: [node, andExpression()] };
      }
      return node;
    }

    const tree = orExpression();
    if (at !== lexemes.length) {
      throw new QuerySyntaxError('unexpected text after the query');
    }
    return tree;
  }

  function restrict(node, columnIndex) {
    if (node.type === 'phrase') {
      node.column ??= columnIndex;
    }
    for (const child of node.all ?? node.children ?? []) {
      restrict(child, columnIndex);
    }
    return node;
  }

  // As the server's SearchIndex.PlainWords: each run of words without spaces is a phrase whose last word is a prefix.
  function plainWords(text) {
    const seen = new Set();
    const phrases = [];
    for (const chunk of text.split(/\s+/)) {
      const words = chunk.match(/[\p{L}\p{N}_]+/gu);
      if (!words) {
        continue;
      }
      const key = words.join(' ').toLowerCase();
      if (!seen.has(key) && phrases.length < 32) {
        seen.add(key);
        phrases.push(phrase(words.join(' '), true, null));
      }
    }
    const kept = phrases.filter((p) => p.terms.length > 0);
    return phrases.length === 0 ? null : kept.length === 0 ? { type: 'nothing', all: phrases } : { type: 'and', children: kept, all: phrases };
  }

  function usesSyntax(text) {
    return /["*():^+]/.test(text) || text.split(/\s+/).some((w) => ['AND', 'OR', 'NOT', 'NEAR'].includes(w));
  }

  /** The query tree of a search as the server runs it, or null when it has no words. */
  function parse(text) {
    const plain = plainWords(text);
    if (plain === null) {
      return null;
    }
    if (usesSyntax(text)) {
      try {
        return parseSyntax(text.trim());
      } catch (error) {
        if (!(error instanceof QuerySyntaxError)) {
          throw error;
        }
      }
    }
    return plain;
  }

  function phrasesOf(node, list = []) {
    if (node.type === 'phrase') {
      list.push(node);
    }
    for (const child of node.all ?? node.children ?? []) {
      phrasesOf(child, list);
    }
    return list;
  }

  // --- The index: each row's columns as terms, read once.
  function prepare(file) {
    const rows = file.entries.map((entry, number) => {
      const columns = [entry.title, entry.text, entry.tagText].map((text) => ({ text, tokens: tokens(text) }));
      return { entry, number, columns, size: columns.reduce((sum, c) => sum + c.tokens.length, 0) };
    });
    const total = rows.reduce((sum, row) => sum + row.size, 0);
    return { file, rows, averageSize: rows.length === 0 ? 1 : total / rows.length };
  }

  // Where a phrase starts in a column's tokens, and how many tokens it covers.
  function instances(p, columnTokens) {
    const found = [];
    const n = p.terms.length;
    for (let i = 0; i + n <= columnTokens.length; i++) {
      let match = true;
      for (let j = 0; j < n && match; j++) {
        const term = columnTokens[i + j].term;
        match = p.prefix && j === n - 1 ? term.startsWith(p.terms[j]) : term === p.terms[j];
      }
      if (match) {
        found.push(i);
      }
    }
    return found;
  }

  function matches(node, hits) {
    switch (node.type) {
      case 'phrase': return hits.get(node).some((columnHits) => columnHits.length > 0);
      case 'and': return node.children.every((child) => matches(child, hits));
      case 'or': return node.children.some((child) => matches(child, hits));
      case 'not': return matches(node.children[0], hits) && !matches(node.children[1], hits);
      default: return false;
    }
  }

  /** The rows that match a query, best first, as { row, score, hits }. */
  function search(index, text) {
    const tree = parse(text);
    if (tree === null) {
      return [];
    }
    const phrases = phrasesOf(tree).filter((p) => p.terms.length > 0);
    const hitsByRow = index.rows.map((row) => {
      const hits = new Map();
      for (const p of phrases) {
        hits.set(p, row.columns.map((column, c) => (p.column === null || p.column === c ? instances(p, column.tokens) : [])));
      }
      return hits;
    });
    const count = index.rows.length;
    const idf = phrases.map((p) => {
      const rowsWithIt = hitsByRow.filter((hits) => hits.get(p).some((columnHits) => columnHits.length > 0)).length;
      const value = Math.log((0.5 + count - rowsWithIt) / (0.5 + rowsWithIt));
      return value <= 0 ? 1e-6 : value;
    });
    const weights = index.file.weights;
    const results = [];
    index.rows.forEach((row, r) => {
      const hits = hitsByRow[r];
      if (!matches(tree, hits)) {
        return;
      }
      let score = 0;
      phrases.forEach((p, i) => {
        const frequency = hits.get(p).reduce((sum, columnHits, c) => sum + columnHits.length * (weights[c] ?? 1), 0);
        score += idf[i] * ((frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * row.size) / index.averageSize)));
      });
      results.push({ row, score: -score, hits, phrases });
    });
    results.sort((a, b) => a.score - b.score || a.row.number - b.row.number);
    return results.slice(0, LIMIT);
  }

  // --- Showing a result: matched words marked, the text cut to 32 words around the most matches.
  function spans(result, c) {
    const columnTokens = result.row.columns[c].tokens;
    const list = [];
    for (const p of result.phrases) {
      for (const start of result.hits.get(p)[c]) {
        list.push([start, start + p.terms.length - 1]);
      }
    }
    list.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [from, to] of list) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) {
        last[1] = Math.max(last[1], to);
      } else {
        merged.push([from, to]);
      }
    }
    return merged.map(([from, to]) => ({ from, to, start: columnTokens[from].start, end: columnTokens[to].end }));
  }

  function appendMarked(parent, text, marked, from, to) {
    let at = from;
    for (const span of marked) {
      if (span.end <= from || span.start >= to) {
        continue;
      }
      parent.append(text.slice(at, Math.max(at, span.start)));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(Math.max(at, span.start), Math.min(span.end, to));
      parent.append(mark);
      at = Math.min(span.end, to);
    }
    parent.append(text.slice(at, to));
  }

  function title(result, element) {
    const column = result.row.columns[0];
    appendMarked(element, column.text, spans(result, 0), 0, column.text.length);
  }

  function snippet(result, element, size = 32) {
    const column = result.row.columns[1];
    const columnTokens = column.tokens;
    if (columnTokens.length === 0) {
      return;
    }
    const marked = spans(result, 1);
    let first = 0;
    let best = -1;
    for (const span of marked) {
      const start = Math.max(0, Math.min(span.from - 3, columnTokens.length - size));
      const covered = marked.filter((s) => s.from >= start && s.to < start + size).length;
      if (covered > best) {
        best = covered;
        first = start;
      }
    }
    const last = Math.min(columnTokens.length, first + size) - 1;
    if (first > 0) {
      element.append('…');
    }
    appendMarked(element, column.text, marked, columnTokens[first].start, columnTokens[last].end);
    if (last < columnTokens.length - 1) {
      element.append('…');
    }
  }

  return { tokens, stem, parse, prepare, search, title, snippet };
})();

// The search page of a static copy: the form and results appear once the script runs; without it, the page says why not.
(() => {
  'use strict';

  const form = document.querySelector('form.search-form[data-index]');
  if (!form) {
    return;
  }

  const parameters = new URLSearchParams(location.search);
  const query = parameters.get('q') ?? '';
  const tags = [...new Set(parameters.getAll('tag').map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].sort();
  const section = document.querySelector('.search-results-section');
  const heading = section.querySelector('.results__count');
  const list = section.querySelector('.search-results');

  document.querySelector('[data-needs-script]').hidden = true;
  form.hidden = false;
  form.elements.q.value = query;
  for (const tag of tags) {
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = 'tag';
    hidden.value = tag;
    form.append(hidden);
  }

  if (query.trim() === '') {
    document.querySelector('.search-hint').hidden = false;
    return;
  }

  const shortQuery = query.length <= 60 ? query : `${query.slice(0, 57)}…`;
  document.title = `Search: ${shortQuery}`;

  function element(name, className, parent) {
    const node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    parent?.append(node);
    return node;
  }

  function searchUrl(withTags) {
    const next = new URLSearchParams({ q: query });
    withTags.forEach((t) => next.append('tag', t));
    return `${form.action}?${next}`;
  }

  function show(file) {
    const index = PortfolioSearch.prepare(file);
    const tagOf = (slug) => file.tags.find((t) => t.slug === slug || t.name.toLowerCase() === slug);
    const wanted = tags.map((t) => tagOf(t)?.slug ?? t);
    const results = PortfolioSearch.search(index, query)
      .filter((r) => r.row.entry.url !== null && wanted.every((slug) => r.row.entry.tags.some((t) => file.tags[t].slug === slug)));

    if (wanted.length > 0) {
      const chips = document.querySelector('.chips');
      chips.hidden = false;
      for (const slug of wanted) {
        const label = tagOf(slug)?.name ?? slug;
        const chip = element('a', 'chip', element('li', null, chips.querySelector('ul')));
        chip.href = searchUrl(wanted.filter((t) => t !== slug));
        chip.setAttribute('aria-label', `Remove filter ${label}`);
        chip.append(`${label} `);
        element('span', null, chip).textContent = '×';
        chip.lastChild.setAttribute('aria-hidden', 'true');
      }
    }

    heading.textContent = `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`;
    section.querySelector('.empty').hidden = results.length > 0;
    for (const result of results) {
      const item = element('li', 'search-result', list);
      element('p', 'card__kind', item).textContent = result.row.entry.kindName;
      const link = element('a', null, element('h3', 'search-result__title', item));
      link.href = result.row.entry.url;
      PortfolioSearch.title(result, link);
      PortfolioSearch.snippet(result, element('p', 'search-result__snippet', item));
      if (result.row.entry.tags.length > 0) {
        const tagList = element('ul', 'tags', item);
        tagList.setAttribute('aria-label', 'Tags');
        for (const number of result.row.entry.tags) {
          const tag = element('a', 'tag', element('li', null, tagList));
          tag.href = file.tags[number].url;
          tag.textContent = file.tags[number].name;
        }
      }
    }
    section.hidden = false;
  }

  fetch(form.dataset.index)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then(show)
    .catch(() => {
      heading.textContent = 'The search index could not be loaded; try again later.';
      section.hidden = false;
    });
})();

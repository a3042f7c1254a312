// Filters of the credentials for a static copy of the site, from the search index the export wrote. Without script a
// visitor picks one tag at a time (/credentials/tags/{tag}); with it, /credentials filters by several tags (all or any of
// them) and a kind in place, as the live page does, and keeps the filter in the address (?kind=&match=any&tag=&tag=) so
// that it can be shared and the back button undoes it. On a one-tag page, picking another tag goes to /credentials with both.
(() => {
  'use strict';

  const layout = document.querySelector('.filter-layout[data-index]');
  if (!layout) {
    return;
  }

  const listUrl = layout.dataset.credentials;
  const path = decodeURIComponent(location.pathname).replace(/\/(index\.html)?$/, '');
  const onList = path === decodeURIComponent(listUrl);
  const aside = layout.querySelector('.filters');
  const section = layout.querySelector('.results');
  const heading = section.querySelector('.results__count');
  const KINDS = [[null, 'All kinds'], ['program', 'Programs'], ['certification', 'Certifications'], ['badge', 'Badges']];
  const isCredential = (kind) => KINDS.some(([k]) => k !== null && k === kind);

  function element(name, className, parent, text) {
    const node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    parent?.append(node);
    return node;
  }

  function urlOf(state) {
    const query = new URLSearchParams();
    if (state.kind) {
      query.append('kind', state.kind);
    }
    if (state.any && state.tags.length > 1) {
      query.append('match', 'any');
    }
    state.tags.forEach((tag) => query.append('tag', tag));
    const text = query.toString();
    return text === '' ? listUrl : `${listUrl}?${text}`;
  }

  function stateOf(search) {
    const query = new URLSearchParams(search);
    const kind = query.get('kind');
    return {
      tags: [...new Set(query.getAll('tag').map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].sort(),
      any: query.get('match') === 'any',
      kind: isCredential(kind) ? kind : null,
    };
  }

  function start(file) {
    const names = new Map(file.tags.map((tag) => [tag.slug, tag.name]));
    const credentials = file.entries
      .filter((entry) => entry.url !== null && isCredential(entry.kind))
      .map((entry) => ({ url: entry.url, kind: entry.kind, tags: entry.tags.map((n) => file.tags[n].slug) }));
    const has = (entry, tags, any) => tags.length === 0 || (any ? tags.some((t) => entry.tags.includes(t)) : tags.every((t) => entry.tags.includes(t)));

    if (!onList) {
      // A one-tag page: another tag adds to this one, on the list page.
      const current = path.split('/').pop();
      for (const option of aside.querySelectorAll('.options--tags a.option')) {
        const other = decodeURIComponent(new URL(option.href).pathname.split('/').pop());
        option.href = urlOf({ tags: [...new Set([current, other])].sort(), any: false, kind: null });
      }
      aside.querySelector('.filters__heading').textContent = 'Add a tag';
      return;
    }

    const cards = [...section.querySelectorAll('.card')].map((card) => ({ card, url: new URL(card.querySelector('.card__title a').href).pathname }));
    let state = stateOf(location.search);

    // A tag that would show nothing is text, as on the live page; a kind or match is always a link.
    function option(list, label, count, state, active, emptyIsText = false) {
      const item = element('li', null, list);
      if (count === 0 && emptyIsText) {
        const span = element('span', 'option option--empty', item, `${label} `);
        element('span', 'option__count', span, '0');
        return;
      }
      const link = element('a', 'option', item, `${label} `);
      link.href = urlOf(state);
      link.rel = 'nofollow';
      if (active) {
        link.setAttribute('aria-current', 'true');
      }
      element('span', 'option__count', link, String(count));
    }

    function render() {
      const inKind = credentials.filter((e) => state.kind === null || e.kind === state.kind);
      const shown = new Set(inKind.filter((e) => has(e, state.tags, state.any)).map((e) => e.url));

      // The filters on offer, with the count each would show.
      aside.replaceChildren(aside.querySelector('.filters__title'));
      element('h3', 'filters__heading', aside, 'Kind');
      const kinds = element('ul', 'options', aside);
      for (const [kind, label] of KINDS) {
        const count = credentials.filter((e) => (kind === null || e.kind === kind) && has(e, state.tags, state.any)).length;
        option(kinds, label, count, { ...state, kind }, state.kind === kind);
      }
      if (state.tags.length > 1) {
        element('h3', 'filters__heading', aside, 'Match');
        const matches = element('ul', 'options', aside);
        for (const any of [false, true]) {
          option(matches, any ? 'any of the tags' : 'all of the tags', inKind.filter((e) => has(e, state.tags, any)).length, { ...state, any }, state.any === any);
        }
      }
      element('h3', 'filters__heading', aside, 'Add a tag');
      const offered = [...new Set(inKind.flatMap((e) => e.tags))].filter((t) => !state.tags.includes(t))
        .map((slug) => {
          const tags = [...state.tags, slug].sort();
          return { slug, label: names.get(slug) ?? slug, tags, count: inKind.filter((e) => has(e, tags, state.any)).length };
        })
        .sort((a, b) => b.count - a.count || a.label.toLowerCase().localeCompare(b.label.toLowerCase()));
      if (offered.length === 0) {
        element('p', 'muted', aside, 'No other tags.');
      }
      const tagList = element('ul', 'options options--tags', aside);
      for (const tag of offered) {
        option(tagList, tag.label, tag.count, { ...state, tags: tag.tags }, false, true);
      }

      // The filters in force, each a chip that takes it off.
      section.querySelector('.chips')?.remove();
      const labels = [];
      if (state.kind !== null || state.tags.length > 0) {
        const chips = element('div', 'chips');
        heading.after(chips);
        const list = element('ul', null, chips);
        list.setAttribute('aria-label', 'Active filters');
        const chip = (label, without) => {
          labels.push(label);
          const link = element('a', 'chip', element('li', null, list), `${label} `);
          link.href = urlOf(without);
          link.setAttribute('aria-label', `Remove filter ${label}`);
          element('span', null, link, '×').setAttribute('aria-hidden', 'true');
        };
        if (state.kind !== null) {
          chip(KINDS.find(([kind]) => kind === state.kind)[1], { ...state, kind: null });
        }
        for (const tag of state.tags) {
          chip(names.get(tag) ?? tag, { ...state, tags: state.tags.filter((t) => t !== tag) });
        }
        element('a', 'chips__clear', chips, 'Clear all filters').href = listUrl;
      }

      for (const { card, url } of cards) {
        card.hidden = !shown.has(url);
      }
      const count = cards.filter(({ card }) => !card.hidden).length;
      heading.textContent = `${count} ${count === 1 ? 'credential' : 'credentials'} of ${cards.length}`;
      section.querySelector('.empty')?.remove();
      if (count === 0) {
        const empty = element('div', 'empty');
        section.querySelector('.cards').before(empty);
        element('p', null, empty, `No credentials match ${state.any ? 'any' : 'all'} of these filters.`);
        element('a', null, element('p', null, empty), 'Show all credentials').href = listUrl;
      }
      document.title = labels.length === 0 ? 'Credentials' : `Credentials: ${labels.join(state.any ? ' or ' : ' and ')}`;
    }

    // A filter picked is applied here, and the focus stays where it was in the filters.
    layout.addEventListener('click', (event) => {
      const link = event.target.closest('a.option, a.chip, a.chips__clear');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      const links = [...aside.querySelectorAll('a.option')];
      const place = links.indexOf(link);
      history.pushState(null, '', link.href);
      state = stateOf(new URL(link.href).search);
      render();
      const after = [...aside.querySelectorAll('a.option')];
      (place >= 0 ? after[Math.min(place, after.length - 1)] : null)?.focus() ?? heading.focus();
    });
    window.addEventListener('popstate', () => {
      state = stateOf(location.search);
      render();
    });
    heading.tabIndex = -1;
    render();
  }

  fetch(layout.dataset.index)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then(start)
    .catch(() => {
      // The one-tag pages still work.
    });
})();

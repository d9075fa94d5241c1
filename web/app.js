// Dépêches web page: search form, results, pagination and dispatch view over /api/v1.
// The URL is the state (?q=&offset=&sort=&from=&to= for results, &correct=0 to search a query
// exactly as typed, plus &id= for an open dispatch), so back/forward and shared links work.
// Text from the API is only ever inserted as text nodes: the one markup we accept is the <mark>
// of highlighted strings, parsed by parseHighlighted() (text.js). Search-as-you-type lives in
// suggest.js, the bars of when the dispatches were written in periods.js, API access in api.js.

import { describeError, getJSON } from './api.js';
import { chartOf, isoDateOr, renderPeriods } from './periods.js';
import { attachSuggestions } from './suggest.js';
import {
    NBSP, appendRuns, dateElement, formatMs, make, numberFormat, parseHighlighted, quoted,
    splitParagraphs,
} from './text.js';

const API = '/api/v1';
const PAGE_SIZE = 10;
const LOADING_DELAY_MS = 200; // below this, no "loading" flicker
const CACHE_SIZE = 30;
const SUGGEST_LIMIT = 8;

const $ = (id) => document.getElementById(id);
const ui = {
    form: $('search-form'), q: $('q'), sort: $('sort'), sortBox: $('sort-box'),
    listbox: $('q-listbox'), suggestStatus: $('suggest-status'),
    status: $('status'), error: $('error'), main: $('main'), homeLink: $('home-link'),
    welcome: $('welcome'), docCount: $('doc-count'),
    resultsView: $('results-view'), resultsTitle: $('results-title'), suggestion: $('suggestion'),
    notice: $('notice'), periods: $('periods'),
    noResults: $('no-results'), results: $('results'), pagination: $('pagination'),
    dispatchView: $('dispatch-view'), back: $('back'), backLabel: $('back-label'),
    dTitle: $('dispatch-title'), dMeta: $('dispatch-meta'), dAbstract: $('dispatch-abstract'),
    dBody: $('dispatch-body'), dKeywords: $('dispatch-keywords'), dCopies: $('dispatch-copies'),
};

function countText(data) {
    const n = numberFormat.format(data.total);
    const noun = data.total > 1 ? 'résultats' : 'résultat';
    let text = `${data.total_exact === false ? 'environ ' : ''}${n} ${noun}`;
    if (typeof data.took_ms === 'number') text += ` (${formatMs(data.took_ms)})`;
    return text;
}

// ---------------------------------------------------------------------------------------------
// State and navigation

/**
 * The page state read from a URL: {q, offset, sort, from, to, correct, id}. `from` and `to`
 * are ISO dates or ''. `correct` is false when the reader asked for the query exactly as typed
 * (no spelling correction by the server).
 */
function readState(url = location) {
    const p = new URLSearchParams(url.search);
    const offset = Number.parseInt(p.get('offset') ?? '0', 10);
    return {
        q: (p.get('q') ?? '').trim(),
        offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
        sort: sortOf(p.get('sort')),
        from: isoDateOr(p.get('from')),
        to: isoDateOr(p.get('to')),
        correct: p.get('correct') !== '0',
        id: p.get('id') || null,
    };
}

/** A sort the page knows: 'date' (newest first), 'oldest' (oldest first) or 'relevance'. */
function sortOf(value) {
    return value === 'date' || value === 'oldest' ? value : 'relevance';
}

function urlFor({ q, offset = 0, sort = 'relevance', from = '', to = '', correct = true, id = null }) {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (offset > 0) p.set('offset', String(offset));
    if (sort !== 'relevance') p.set('sort', sort);
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    if (correct === false) p.set('correct', '0');
    if (id) p.set('id', id);
    const search = p.toString();
    return location.pathname + (search ? `?${search}` : '');
}

let current = readState();
let renderToken = 0;
let inflight = null; // AbortController of the pending request
const searchCache = new Map();
// Query → the correction the server searched instead, so an opened dispatch highlights its words.
const corrections = new Map();

const suggestions = attachSuggestions({
    input: ui.q, listbox: ui.listbox, announcer: ui.suggestStatus,
    load: (q, signal) => {
        const params = new URLSearchParams({ q, limit: String(SUGGEST_LIMIT) });
        return getJSON(`${API}/suggest?${params}`, signal);
    },
    onPick: () => ui.form.requestSubmit(),
});

/** Goes to a new state: pushes (or replaces) a history entry and renders it. */
function navigate(state, { replace = false, fromResults = false, ...options } = {}) {
    const url = urlFor(state);
    // Remember where we were, so back/forward restores the scroll position.
    history.replaceState({ ...(history.state ?? {}), scrollY: window.scrollY }, '');
    const entry = { fromResults, scrollY: 0 };
    if (replace || url === location.pathname + location.search) history.replaceState(entry, '', url);
    else history.pushState(entry, '', url);
    render(readState(), { focus: 'auto', ...options, scrollY: 0 });
}

function render(state, options = {}) {
    const previous = current;
    current = state;
    suggestions.cancel();
    ui.q.value = state.q;
    ui.sort.value = state.sort;
    // Coming back from a dispatch: focus its link again, so keyboard users keep their place.
    if (!state.id && previous.id && options.restoreFocus) options.focusId = previous.id;
    const request = beginRequest();
    const show = state.id ? showDispatch : state.q ? showResults : showHome;
    return show(state, options, request).finally(() => finishRequest(request.token));
}

/**
 * Starts a request for a new render; earlier pending requests are cancelled. <main> stays
 * aria-busy until finishRequest(token) is called by the render that is still current.
 */
function beginRequest() {
    inflight?.abort();
    inflight = new AbortController();
    ui.main.setAttribute('aria-busy', 'true');
    return { token: ++renderToken, signal: inflight.signal };
}

function finishRequest(token) {
    if (token === renderToken) ui.main.removeAttribute('aria-busy');
}

function showView(view) {
    document.body.dataset.view = view;
    ui.welcome.hidden = view !== 'home';
    ui.resultsView.hidden = view !== 'results';
    ui.dispatchView.hidden = view !== 'dispatch';
    ui.sortBox.hidden = view !== 'results';
    ui.status.classList.toggle('status-strong', false);
    if (view !== 'error') ui.error.hidden = true;
}

function setStatus(text) {
    if (ui.status.textContent !== text) ui.status.textContent = text;
}

function showError(err, what, retry) {
    const info = describeError(err, what);
    showView('error');
    setStatus('');
    ui.error.replaceChildren(
        make('p', { class: 'error-title', text: info.title }),
        make('p', { text: info.hint }));
    if (err.detail && err.kind === 'http') {
        ui.error.append(make('p', { class: 'error-detail', text: `Détail${NBSP}: ${err.detail}` }));
    }
    const actions = make('p', { class: 'error-actions' });
    if (info.retry) {
        const button = make('button', { type: 'button', text: 'Réessayer' });
        button.addEventListener('click', retry);
        actions.append(button);
    }
    if (what === 'dispatch' && current.q) {
        const back = make('a', { href: urlFor({ ...current, id: null }), text: 'Retour aux résultats' });
        back.addEventListener('click', (e) => followLink(e, { ...current, id: null }));
        actions.append(back);
    }
    if (actions.childNodes.length) ui.error.append(actions);
    ui.error.hidden = false;
}

/** After LOADING_DELAY_MS, says a request is on its way (cancelled by the returned function). */
function showLoadingLater(text) {
    const timer = setTimeout(() => {
        setStatus(text);
        document.body.classList.add('loading');
    }, LOADING_DELAY_MS);
    return () => {
        clearTimeout(timer);
        document.body.classList.remove('loading');
    };
}

// ---------------------------------------------------------------------------------------------
// Views

async function showHome(state, options, { token, signal }) {
    showView('home');
    setStatus('');
    document.title = 'Dépêches — recherche';
    window.scrollTo(0, 0);
    try {
        const health = await getJSON('/healthz', signal);
        if (token !== renderToken || typeof health.documents !== 'number') return;
        const n = health.documents;
        ui.docCount.textContent = `${numberFormat.format(n)} ${n > 1 ? 'dépêches indexées' : 'dépêche indexée'}.`;
    } catch {
        // The count is a nicety: the page works without it.
    }
}

async function showResults(state, options, { token, signal }) {
    const key = JSON.stringify([state.q, state.offset, state.sort, state.from, state.to, state.correct]);
    document.title = `${state.q} — Dépêches`;
    let data = searchCache.get(key);
    if (!data) {
        // One hit per text: a dispatch filed again under another id is counted, not repeated.
        const params = new URLSearchParams({
            q: state.q, limit: String(PAGE_SIZE), offset: String(state.offset), sort: state.sort,
            collapse: '1',
        });
        if (state.from) params.set('from', state.from);
        if (state.to) params.set('to', state.to);
        if (!state.correct) params.set('correct', '0');
        // The bars count the search's own dates, or a whole year around a shorter period: then
        // a second search counts them.
        const chart = chartOf(state);
        let chartParams = null;
        if (chart.from === state.from && chart.to === state.to) params.set('periods', chart.periods);
        else {
            chartParams = new URLSearchParams(params);
            chartParams.set('limit', '0');
            chartParams.set('offset', '0');
            chartParams.set('snippet', '0');
            chartParams.set('periods', chart.periods);
            chartParams.set('from', chart.from);
            chartParams.set('to', chart.to);
        }
        const stopLoading = showLoadingLater('Recherche en cours…');
        try {
            const [page, counted] = await Promise.all([getJSON(`${API}/search?${params}`, signal),
                chartParams && getJSON(`${API}/search?${chartParams}`, signal)]);
            data = counted ? { ...page, periods: counted.periods, periods_op: counted.periods_op } : page;
        } catch (err) {
            if (err.name === 'AbortError' || token !== renderToken) return;
            showError(err, 'search', () => render(readState(), { ...options, focus: 'first-result' }));
            return;
        } finally {
            stopLoading();
        }
        if (token !== renderToken) return;
        searchCache.set(key, data);
        if (searchCache.size > CACHE_SIZE) searchCache.delete(searchCache.keys().next().value);
    }
    const correction = correctionOf(data);
    if (state.correct && correction) corrections.set(state.q, correction);
    else corrections.delete(state.q);
    renderResults(state, data);
    window.scrollTo(0, options.scrollY ?? 0);
    focusAfterResults(options);
}

function focusAfterResults(options) {
    if (options.focusId) {
        const link = [...ui.results.querySelectorAll('a.hit-link')]
            .find((a) => a.dataset.id === options.focusId);
        if (link) {
            link.focus();
            return;
        }
    }
    if (options.focus === 'first-result') {
        const first = ui.results.querySelector('a.hit-link');
        (first ?? ui.resultsTitle).focus();
    }
}

function renderResults(state, data) {
    showView('results');
    const hits = Array.isArray(data.hits) ? data.hits : [];
    const total = Number(data.total) || 0;
    const pageSize = Number(data.limit) || PAGE_SIZE;

    if (total === 0) setStatus(`Aucun résultat pour ${quoted(state.q)}`);
    else if (state.offset > 0) {
        const page = Math.floor(state.offset / pageSize) + 1;
        const pages = Math.max(1, Math.ceil(total / pageSize));
        setStatus(`${countText(data)} — page ${numberFormat.format(page)} sur ${numberFormat.format(pages)}`);
    } else setStatus(countText(data));

    ui.sortBox.hidden = total === 0;
    ui.status.classList.toggle('status-strong', total === 0);
    renderSuggestion(state, data);
    renderNotice(state, data);
    renderNoResults(state, total, hits);
    renderPeriods(ui.periods, state, data, inPageLink);

    ui.results.replaceChildren(...hits.map((hit) => renderHit(state, hit)));
    ui.results.start = state.offset + 1;
    ui.results.hidden = hits.length === 0;
    renderPagination(state, total, pageSize);
}

function renderHit(state, hit) {
    const id = String(hit.id);
    const target = { ...state, id };
    const link = make('a', { href: urlFor(target), class: 'hit-link', 'data-id': id,
        text: hit.title || '(sans titre)' });
    link.addEventListener('click', (e) => followLink(e, target, { fromResults: true }));
    const meta = make('p', { class: 'meta' }, dateElement(hit.date));
    const copies = Number(hit.copies) || 0;
    if (copies > 0) {
        meta.append(` · `, make('span', { class: 'copies', text: copies === 1
            ? 'même texte qu’une autre dépêche'
            : `même texte que ${numberFormat.format(copies)} autres dépêches` }));
    }
    const item = make('li', { class: 'hit' }, make('h2', { class: 'hit-title' }, link), meta);
    if (typeof hit.snippet === 'string' && hit.snippet) {
        const snippet = make('p', { class: 'snippet' });
        appendRuns(snippet, parseHighlighted(hit.snippet));
        item.append(snippet);
    }
    return item;
}

/** A link to `target` that navigates in the page (see followLink). */
function inPageLink(target, text, props = {}, ...children) {
    const link = make('a', { href: urlFor(target), ...(text ? { text } : {}), ...props }, ...children);
    link.addEventListener('click', (e) => followLink(e, target, { focus: 'none' }));
    return link;
}

/** The spelling the server searched instead of the query (`corrected`), or null. */
function correctionOf(data) {
    const suggestion = typeof data.suggestion === 'string' ? data.suggestion.trim() : '';
    return data.corrected === true && suggestion ? suggestion : null;
}

/**
 * "Did you mean": when the server searched a corrected spelling, says so and links to the query
 * as typed (correct=0); when it only proposes one, links to it.
 */
function renderSuggestion(state, data) {
    const suggestion = typeof data.suggestion === 'string' ? data.suggestion.trim() : '';
    ui.suggestion.replaceChildren();
    ui.suggestion.hidden = !suggestion || suggestion === state.q;
    if (ui.suggestion.hidden) return;
    if (data.corrected === true) {
        const target = { ...state, offset: 0, correct: false };
        const link = make('a', { href: urlFor(target), text: quoted(state.q) });
        link.addEventListener('click', (e) => followLink(e, target));
        ui.suggestion.append(`Résultats pour «${NBSP}`, make('strong', { text: suggestion }),
            `${NBSP}». `, make('span', { class: 'nowrap' }, 'Rechercher plutôt ', link));
        return;
    }
    const target = { ...state, q: suggestion, offset: 0, correct: true };
    const link = make('a', { href: urlFor(target), text: suggestion });
    link.addEventListener('click', (e) => followLink(e, target));
    ui.suggestion.append('Vouliez-vous dire ', link, `${NBSP}?`);
}

/** Says when the server searched differently from what was typed (plain words). */
function renderNotice(state, data) {
    const notes = [];
    if (data.fallback === true) {
        notes.push('La syntaxe de la recherche n’a pas été comprise : les mots ont été cherchés tels quels.');
    }
    // By date, the server lists what has every word; "or" says no dispatch had them all.
    if (state.sort !== 'relevance' && data.op === 'or' && Number(data.total) > 0) {
        notes.push('Aucune dépêche n’a tous ces mots : voici, par date, celles qui en ont au moins un.');
    }
    // Rare words are also searched under their neighbours one typo away, below them. When the
    // server suggests a spelling, "Vouliez-vous dire" says enough.
    const also = (Array.isArray(data.also_searched) ? data.also_searched : [])
        .filter((a) => a && typeof a.word === 'string' && Array.isArray(a.also) && a.also.length > 0);
    if (also.length > 0 && !(typeof data.suggestion === 'string' && data.suggestion) && Number(data.total) > 0) {
        const pairs = also.map((a) => `${a.also.map((w) => quoted(String(w))).join(', ')} pour ${quoted(a.word)}`);
        notes.push(`Aussi cherché, à une faute de frappe près : ${pairs.join(' ; ')}. `
            + 'Entre guillemets, un mot n’est cherché que tel quel.');
    }
    ui.notice.textContent = notes.join(' ').replaceAll(' :', `${NBSP}:`).replaceAll(' ;', `${NBSP};`);
    ui.notice.hidden = notes.length === 0;
}

function renderNoResults(state, total, hits) {
    ui.noResults.replaceChildren();
    ui.noResults.hidden = hits.length > 0;
    if (hits.length > 0) return;
    if (total > 0) {
        const target = { ...state, offset: 0 };
        const link = make('a', { href: urlFor(target), text: 'Revenir à la première page' });
        link.addEventListener('click', (e) => followLink(e, target));
        ui.noResults.append(make('p', { text: 'Cette page de résultats est vide.' }), make('p', {}, link));
        return;
    }
    // The status line above already says "Aucun résultat pour « … »": here, only what to try.
    ui.noResults.append(
        make('p', { class: 'no-results-title', text: `Suggestions${NBSP}:` }),
        make('ul', {},
            make('li', { text: 'Vérifiez l’orthographe des mots (les accents sont facultatifs).' }),
            make('li', { text: 'Essayez moins de mots, ou des mots plus généraux.' }),
            make('li', { text: 'Retirez les guillemets ou les exclusions (-mot), ou reliez les mots par OU.' })));
}

/** Page links: first, last, and two either side of the current page, with gaps as "…". */
function renderPagination(state, total, pageSize) {
    const pages = Math.ceil(total / pageSize);
    const currentPage = Math.floor(state.offset / pageSize) + 1;
    ui.pagination.replaceChildren();
    ui.pagination.hidden = pages <= 1;
    if (pages <= 1) return;

    const list = make('ul');
    const pageLink = (page, label, extra = {}) => {
        const target = { ...state, offset: (page - 1) * pageSize };
        const link = make('a', { href: urlFor(target), ...extra }, label);
        link.addEventListener('click', (e) => followLink(e, target, { focus: 'first-result' }));
        return link;
    };
    const disabled = (label) => make('span', { class: 'disabled', 'aria-disabled': 'true', text: label });

    list.append(make('li', { class: 'prev' }, currentPage > 1
        ? pageLink(currentPage - 1, 'Précédent', { rel: 'prev' }) : disabled('Précédent')));
    let last = 0;
    for (let page = 1; page <= pages; page++) {
        if (page !== 1 && page !== pages && Math.abs(page - currentPage) > 2) continue;
        if (page - last > 1) list.append(make('li', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
        const label = numberFormat.format(page);
        list.append(make('li', {}, page === currentPage
            ? make('a', { 'aria-current': 'page', href: urlFor(state), 'aria-label': `Page ${label}, page actuelle` }, label)
            : pageLink(page, label, { 'aria-label': `Page ${label}` })));
        last = page;
    }
    list.append(make('li', { class: 'next' }, currentPage < pages
        ? pageLink(currentPage + 1, 'Suivant', { rel: 'next' }) : disabled('Suivant')));
    ui.pagination.append(list);
}

async function showDispatch(state, options, { token, signal }) {
    // Highlight the words the results were found with: the corrected spelling, if any.
    const words = (state.correct && corrections.get(state.q)) || state.q;
    const url = `${API}/dispatches/${encodeURIComponent(state.id)}`
        + (words ? `?${new URLSearchParams({ q: words })}` : '');
    const stopLoading = showLoadingLater('Chargement de la dépêche…');
    let doc;
    try {
        doc = await getJSON(url, signal);
    } catch (err) {
        if (err.name === 'AbortError' || token !== renderToken) return;
        showError(err, 'dispatch', () => render(readState(), { ...options, focus: 'auto' }));
        return;
    } finally {
        stopLoading();
    }
    if (token !== renderToken) return;
    renderDispatch(state, doc);
    window.scrollTo(0, options.scrollY ?? 0);
    if (options.focus !== 'none') ui.dTitle.focus({ preventScroll: true });
}

/** "Même texte que …": the other dispatches filed with this one's text, each a link. */
function renderCopies(state, doc) {
    const copies = Array.isArray(doc.copies) ? doc.copies.filter((c) => c && typeof c.id === 'string') : [];
    ui.dCopies.replaceChildren();
    ui.dCopies.hidden = copies.length === 0;
    if (copies.length === 0) return;
    ui.dCopies.append(copies.length === 1 ? `Même texte qu’une autre dépêche${NBSP}: ` : `Même texte que ${copies.length} autres dépêches${NBSP}: `);
    copies.forEach((copy, i) => {
        const target = { ...state, id: copy.id };
        const link = make('a', { href: urlFor(target), text: copy.title || '(sans titre)' });
        link.addEventListener('click', (e) => followLink(e, target));
        ui.dCopies.append(...(i > 0 ? ['; '] : []), link, ' (', dateElement(copy.date), ')');
    });
}

function renderDispatch(state, doc) {
    showView('dispatch');
    const title = doc.title || '(sans titre)';
    setStatus(''); // focus moves to the title, which screen readers read out
    document.title = `${title} — Dépêches`;
    ui.backLabel.textContent = state.q ? 'Retour aux résultats' : 'Retour à la recherche';

    ui.dTitle.replaceChildren();
    if (typeof doc.title_html === 'string' && doc.title_html) appendRuns(ui.dTitle, parseHighlighted(doc.title_html));
    else ui.dTitle.textContent = title;

    ui.dMeta.replaceChildren(dateElement(doc.date));
    if (typeof doc.source === 'string' && doc.source) ui.dMeta.append(' · ', make('span', { text: doc.source }));
    const link = safeExternalUrl(doc.url);
    if (link) {
        ui.dMeta.append(' · ', make('a', { href: link, rel: 'noopener noreferrer nofollow', target: '_blank',
            text: 'voir l’original' }, make('span', { class: 'visually-hidden', text: ' (nouvel onglet)' })));
    }

    renderCopies(state, doc);

    const abstract = typeof doc.abstract === 'string' ? doc.abstract.trim() : '';
    ui.dAbstract.replaceChildren();
    if (typeof doc.abstract_html === 'string' && doc.abstract_html) appendRuns(ui.dAbstract, parseHighlighted(doc.abstract_html));
    else ui.dAbstract.textContent = abstract;
    ui.dAbstract.hidden = !abstract || String(doc.body ?? '').trim().startsWith(abstract);

    const runs = typeof doc.body_html === 'string'
        ? parseHighlighted(doc.body_html) : [{ text: String(doc.body ?? ''), mark: false }];
    ui.dBody.replaceChildren(...splitParagraphs(runs).map((runsOfParagraph) => {
        const p = make('p');
        appendRuns(p, runsOfParagraph);
        return p;
    }));

    const keywords = Array.isArray(doc.keywords) ? doc.keywords.filter((k) => typeof k === 'string' && k) : [];
    ui.dKeywords.replaceChildren(...keywords.map((k) => make('li', { text: k })));
    ui.dKeywords.hidden = keywords.length === 0;
}

/** Only http(s) links to the original article: never javascript: or data: URLs. */
function safeExternalUrl(raw) {
    if (typeof raw !== 'string' || !raw) return null;
    try {
        const url = new URL(raw);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
        return null;
    }
}

// ---------------------------------------------------------------------------------------------
// Events

/** Handles a click on an in-page link: plain clicks navigate here, modified ones open a tab. */
function followLink(event, state, options = {}) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(state, options);
}

function closeDispatch() {
    if (!current.id) return;
    if (history.state?.fromResults) history.back();
    else navigate({ ...current, id: null }, { restoreFocus: true });
}

ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = ui.q.value.trim();
    if (!q) {
        setStatus('Saisissez au moins un mot à rechercher.');
        ui.q.focus();
        return;
    }
    suggestions.cancel();
    // On touch screens, close the keyboard so the results are visible.
    if (window.matchMedia('(pointer: coarse)').matches) ui.q.blur();
    searchCache.clear(); // a fresh search shows fresh results
    // The period searched stays, as the order does: the page shows it, with a link to leave it.
    navigate({ q, offset: 0, sort: sortOf(ui.sort.value),
        from: current.from, to: current.to }, { focus: 'none' });
});

ui.sort.addEventListener('change', () => {
    const q = current.q || ui.q.value.trim();
    const correct = q === current.q ? current.correct : true;
    const sort = sortOf(ui.sort.value);
    if (q) navigate({ q, offset: 0, sort, from: current.from, to: current.to, correct }, { focus: 'none' });
});

ui.back.addEventListener('click', closeDispatch);

ui.homeLink.addEventListener('click', (e) => followLink(e, { q: '' }));

ui.welcome.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="/?"]');
    if (link) followLink(event, readState(new URL(link.href)));
});

document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const editing = target instanceof HTMLElement
        && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    // Escape closes the dispatch, except in a filled search box, where it clears the box first.
    if (event.key === 'Escape' && !ui.dispatchView.hidden && !(editing && target.value)) {
        event.preventDefault();
        closeDispatch();
        return;
    }
    if (event.key === '/' && !editing) {
        event.preventDefault();
        ui.q.focus();
        ui.q.select();
    }
});

window.addEventListener('popstate', (event) => {
    render(readState(), { scrollY: event.state?.scrollY ?? 0, restoreFocus: true });
});

history.scrollRestoration = 'manual';
if (!history.state) history.replaceState({ fromResults: false, scrollY: 0 }, '');
render(current, { focus: 'none', scrollY: history.state?.scrollY ?? 0 });

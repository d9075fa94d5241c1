// When the dispatches found were written: a bar per year (or, within one year, per month) of the
// dispatches that sorting by date lists, each bar a link that narrows the search to its period,
// and the period searched, with a link to leave it. Periods are the `from`/`to` of the page
// state, ISO dates; the counts come from the search answer's `periods`.

import { NBSP, make, numberFormat } from './text.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });
const narrowMonth = new Intl.DateTimeFormat('fr-FR', { month: 'narrow', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});

/** `value` when it is an ISO date (YYYY-MM-DD), else ''. */
export function isoDateOr(value) {
    return typeof value === 'string' && ISO_DATE.test(value) ? value : '';
}

const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n) => String(n).padStart(2, '0');

/** The dates of a year ("2019") or a month ("2019-03"): {from, to}. */
export function rangeOf(period) {
    const [year, month] = period.split('-').map(Number);
    if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
    return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}

/** The year both dates fall in, or null: then the bars are that year's months. */
function yearOf({ from, to }) {
    return from && to && from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : null;
}

/**
 * What the bars count: {periods: 'month' or 'year', from, to}. Within one year, the months of
 * the whole year, so that the other months stay a click away; otherwise the years searched.
 */
export function chartOf(state) {
    const year = yearOf(state);
    return year ? { periods: 'month', ...rangeOf(year) } : { periods: 'year', from: state.from, to: state.to };
}

/** The period a range is, said in French: "2019", "mars 2019", or "du … au …". */
export function describeRange({ from, to }) {
    const date = (iso) => new Date(`${iso}T00:00:00Z`);
    for (const period of [from.slice(0, 4), from.slice(0, 7)]) {
        const range = rangeOf(period);
        if (range.from === from && range.to === to) {
            return period.length === 4 ? period : `${monthName.format(date(from))} ${period.slice(0, 4)}`;
        }
    }
    if (from && to) return `du ${dayFormat.format(date(from))} au ${dayFormat.format(date(to))}`;
    if (from) return `depuis le ${dayFormat.format(date(from))}`;
    return `jusqu’au ${dayFormat.format(date(to))}`;
}

/** Most years drawn with their gaps: beyond, only the years counted (a dispatch dated 1890). */
const MAX_YEARS_SPANNED = 60;

/** Every period from the first to the last counted (a year's twelve months), gaps as zero. */
function filled(periods, year) {
    const counts = new Map(periods.map((p) => [p.period, p.count]));
    const keys = [];
    if (year) {
        for (let month = 1; month <= 12; month++) keys.push(`${year}-${pad(month)}`);
    } else if (periods.length > 0) {
        const first = Number(periods[0].period.slice(0, 4));
        const last = Number(periods[periods.length - 1].period.slice(0, 4));
        if (last - first >= MAX_YEARS_SPANNED) return periods;
        for (let y = first; y <= last; y++) keys.push(String(y));
    }
    return keys.map((period) => ({ period, count: counts.get(period) ?? 0 }));
}

/**
 * Fills `container` for `state` and the search answer `data`. `link(target, text, props)`
 * makes an in-page link to another state.
 */
export function renderPeriods(container, state, data, link) {
    container.replaceChildren();
    const periods = (Array.isArray(data.periods) ? data.periods : [])
        .filter((p) => p && typeof p.period === 'string' && Number(p.count) > 0)
        .map((p) => ({ period: p.period, count: Number(p.count) }));
    const filtered = Boolean(state.from || state.to);
    const year = yearOf(state);
    container.hidden = periods.length === 0 && !filtered;
    if (container.hidden) return;

    const title = make('p', { class: 'periods-title' });
    if (filtered) {
        title.append(`Période${NBSP}: `, make('strong', { text: describeRange(state) }), ' ');
        title.append(link({ ...state, offset: 0, from: '', to: '' }, 'toutes les dates',
            { class: 'periods-clear' }));
        if (year && describeRange(state) !== year) {
            title.append(' · ', link({ ...state, offset: 0, ...rangeOf(year) }, `toute l’année ${year}`));
        }
    } else {
        title.append('Par année');
    }
    const total = periods.reduce((sum, p) => sum + p.count, 0);
    if (data.periods_op === 'and' && total < Number(data.total)) {
        title.append(make('span', { class: 'muted', text: ` · dépêches qui ont tous les mots` }));
    }
    container.append(title);
    if (periods.length === 0) return;

    const bars = filled(periods, year);
    const most = Math.max(...bars.map((b) => b.count));
    const list = make('ol', { class: year ? 'period-bars months' : 'period-bars' });
    for (const { period, count } of bars) {
        const month = new Date(`${period.slice(0, 7)}-01T00:00:00Z`);
        // A month's label: "janv.", or "J" where twelve bars have little room (see style.css).
        const label = period.length === 4 ? [period]
            : [make('span', { class: 'wide', text: shortMonth.format(month) }),
                make('span', { class: 'narrow', text: narrowMonth.format(month) })];
        const spoken = period.length === 4 ? period : `${monthName.format(month)} ${period.slice(0, 4)}`;
        const noun = count > 1 ? 'dépêches' : 'dépêche';
        const fill = make('span', { class: 'period-fill' });
        fill.style.height = `${count > 0 ? Math.max(4, Math.round((100 * count) / most)) : 0}%`;
        const content = [make('span', { class: 'period-bar', 'aria-hidden': 'true' }, fill),
            make('span', { class: 'period-label', 'aria-hidden': 'true' }, ...label)];
        const range = rangeOf(period);
        const current = range.from === state.from && range.to === state.to;
        const props = { 'aria-label': `${spoken}${NBSP}: ${numberFormat.format(count)} ${noun}`,
            title: `${spoken}${NBSP}: ${numberFormat.format(count)} ${noun}` };
        // An empty period is only drawn: screen readers hear the periods that have dispatches.
        // The current one is a link to itself, marked as pagination marks its page.
        if (count === 0) {
            list.append(make('li', { 'aria-hidden': 'true' },
                make('span', { class: 'period empty', title: props.title }, ...content)));
            continue;
        }
        list.append(make('li', {}, link({ ...state, offset: 0, ...range }, '',
            { class: current ? 'period current' : 'period', ...(current ? { 'aria-current': 'true' } : {}), ...props },
            ...content)));
    }
    container.append(list);
}

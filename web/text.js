// French typography, dates and numbers, and the safe rendering of highlighted strings: the
// server's HTML-escaped text with <mark> as its only markup becomes text nodes and <mark>
// elements, never HTML.

// French typography: a no-break space inside « » and before : ; ? !
export const NBSP = '\u00a0';
export const quoted = (text) => `«${NBSP}${text}${NBSP}»`;

export const numberFormat = new Intl.NumberFormat('fr-FR');
const dateFormat = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
});

// ---------------------------------------------------------------------------------------------
// Safe rendering of highlighted strings

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities the server escaped, in one pass (so "&amp;lt;" gives "&lt;"). */
function decodeEntities(s) {
    return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/g, (whole, name) => {
        if (name[0] !== '#') return ENTITIES[name] ?? whole;
        const hex = name[1] === 'x' || name[1] === 'X';
        const cp = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
        const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
        return valid ? String.fromCodePoint(cp) : whole;
    });
}

/**
 * Splits an HTML-escaped string whose only markup is <mark>…</mark> into runs
 * [{text, mark}], text decoded. Anything that is not exactly <mark> or </mark> stays text.
 */
export function parseHighlighted(html) {
    const runs = [];
    let inMark = false;
    for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
        if (part === '<mark>') inMark = true;
        else if (part === '</mark>') inMark = false;
        else if (part) runs.push({ text: decodeEntities(part), mark: inMark });
    }
    return runs;
}

/** Appends runs to parent as text nodes and <mark> elements (never as HTML). */
export function appendRuns(parent, runs) {
    for (const run of runs) {
        const node = document.createTextNode(run.text);
        if (run.mark) {
            const mark = document.createElement('mark');
            mark.append(node);
            parent.append(mark);
        } else {
            parent.append(node);
        }
    }
}

/** Groups runs into paragraphs: blank lines separate them, or single newlines if none. */
export function splitParagraphs(runs) {
    const all = runs.map((r) => r.text).join('').replace(/\r\n?/g, '\n');
    const separator = /\n[ \t]*\n/.test(all) ? /\n[ \t]*\n\s*/ : /\n\s*/;
    const paragraphs = [[]];
    for (const run of runs) {
        const pieces = run.text.replace(/\r\n?/g, '\n').split(separator);
        pieces.forEach((text, i) => {
            if (i > 0) paragraphs.push([]);
            if (text) paragraphs[paragraphs.length - 1].push({ text, mark: run.mark });
        });
    }
    return paragraphs.filter((p) => p.some((r) => r.text.trim()));
}

/** An element with `props` (text, class or attributes) and `children` appended as nodes or text. */
export function make(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (key === 'text') node.textContent = value;
        else if (key === 'class') node.className = value;
        else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
    if (!m) return null;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return Number.isNaN(date.getTime()) ? null : dateFormat.format(date);
}

export function dateElement(iso) {
    const text = formatDate(iso);
    if (!text) return make('span', { class: 'unknown-date', text: 'date inconnue' });
    return make('time', { datetime: iso.slice(0, 10), text });
}

export function formatMs(ms) {
    const digits = ms < 1 ? 2 : ms < 10 ? 1 : 0;
    return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(ms) + ' ms';
}

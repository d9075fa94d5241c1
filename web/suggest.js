// Search-as-you-type for the search box: the WAI-ARIA 1.2 combobox pattern (list autocomplete,
// manual selection) over GET /api/v1/suggest. The input keeps the focus; the highlighted option
// is named by aria-activedescendant. Suggestions are inserted as text nodes, never as HTML.

import { NBSP, numberFormat } from './text.js';

const DEBOUNCE_MS = 80;
const LIMIT = 8;
const CACHE_SIZE = 50;
const ANNOUNCE_DELAY_MS = 500; // screen readers hear the count once the list has settled

// ---------------------------------------------------------------------------------------------
// Emphasis of the completion: the part of a suggestion beyond what was typed

const EXTRA_FOLDS = { œ: 'oe', æ: 'ae', ß: 'ss', '’': "'", 'ʼ': "'" };

/** One character folded for comparison: lower case, no accents, any space as ' '. */
function foldChar(ch) {
    if (/\s/u.test(ch)) return ' ';
    const lower = ch.toLowerCase();
    return EXTRA_FOLDS[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Folds a string as foldChar does, with runs of spaces as one. */
function fold(text) {
    let out = '';
    for (const ch of text) {
        const f = foldChar(ch);
        if (!(f === ' ' && (out === '' || out.endsWith(' ')))) out += f;
    }
    return out;
}

/**
 * Splits `text` into [typed, completion] when it starts with `typed` (accents, case and
 * repeated spaces aside); null when it does not.
 */
function splitCompletion(text, typed) {
    const wanted = fold(typed.trimStart());
    if (!wanted) return null;
    let folded = '';
    let end = 0;
    for (const ch of text) {
        if (folded.length >= wanted.length) break;
        const f = foldChar(ch);
        if (!(f === ' ' && (folded === '' || folded.endsWith(' ')))) folded += f;
        end += ch.length;
    }
    return folded.startsWith(wanted) ? [text.slice(0, end), text.slice(end)] : null;
}

// ---------------------------------------------------------------------------------------------
// The combobox

/**
 * Turns `input` into a combobox whose popup is `listbox` (an empty <ul>). `load(q, signal)`
 * resolves to the /suggest answer; `onPick(text)` runs once an option has been put in the box.
 * `announcer` is a polite live region for the number of suggestions.
 * Returns {cancel()}: closes the list and forgets any pending request.
 */
export function attachSuggestions({ input, listbox, announcer, load, onPick }) {
    const cache = new Map(); // typed text → suggestions
    let items = []; // the suggestions shown
    let active = -1; // index of the highlighted option, -1 for none
    let timer = 0; // the pause before asking, 0 when none is running
    let pending = null; // AbortController of the request in flight
    let highlightOnOpen = 0; // 1: first option, -1: last, 0: none (set by the arrow keys)
    let announceTimer = 0;
    let unavailable = false; // the server has no /suggest: stop asking

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('aria-expanded', 'false');
    listbox.setAttribute('role', 'listbox');
    listbox.hidden = true;

    const isOpen = () => !listbox.hidden;

    function announce(text) {
        clearTimeout(announceTimer);
        if (!text) {
            announcer.textContent = '';
            return;
        }
        announceTimer = setTimeout(() => { announcer.textContent = text; }, ANNOUNCE_DELAY_MS);
    }

    function close() {
        if (isOpen()) announce('');
        listbox.hidden = true;
        listbox.replaceChildren();
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
        items = [];
        active = -1;
    }

    function cancel() {
        clearTimeout(timer);
        timer = 0;
        pending?.abort();
        pending = null;
        highlightOnOpen = 0;
        close();
    }

    function renderOption(item, index, typed) {
        const option = document.createElement('li');
        option.id = `${listbox.id}-${index}`;
        option.className = 'suggest-option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.kind = item.kind;
        const label = document.createElement('span');
        label.className = 'suggest-text';
        const parts = splitCompletion(item.text, typed);
        if (parts) {
            const completion = document.createElement('span');
            completion.className = 'suggest-completion';
            completion.textContent = parts[1];
            label.append(document.createTextNode(parts[0]), completion);
        } else {
            label.textContent = item.text;
        }
        option.append(label);
        if (item.count !== null) {
            const count = document.createElement('span');
            count.className = 'suggest-count';
            const noun = item.count > 1 ? 'dépêches' : 'dépêche';
            const hidden = (text) => Object.assign(document.createElement('span'),
                { className: 'visually-hidden', textContent: text });
            count.append(hidden(', '), numberFormat.format(item.count), hidden(`${NBSP}${noun}`));
            option.append(count);
        }
        return option;
    }

    function show(list, typed) {
        items = list;
        if (items.length === 0 || document.activeElement !== input) {
            close();
            return;
        }
        listbox.replaceChildren(...items.map((item, i) => renderOption(item, i, typed)));
        listbox.dataset.for = typed; // the text these suggestions answer
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        active = -1;
        input.removeAttribute('aria-activedescendant');
        if (highlightOnOpen) highlight(highlightOnOpen > 0 ? 0 : items.length - 1);
        highlightOnOpen = 0;
        const n = items.length;
        announce(`${n} suggestion${n > 1 ? 's' : ''}. Flèches haut et bas pour choisir, `
            + 'Entrée pour rechercher.');
    }

    function highlight(index) {
        const options = listbox.children;
        if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
        active = index;
        if (index < 0 || !options[index]) {
            active = -1;
            input.removeAttribute('aria-activedescendant');
            return;
        }
        options[index].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
    }

    function pick(index) {
        const item = items[index];
        if (!item) return;
        input.value = item.text;
        cancel();
        onPick(item.text);
    }

    /** Keeps the well-formed suggestions of an answer. */
    function suggestionsOf(data) {
        const list = Array.isArray(data?.suggestions) ? data.suggestions : [];
        return list
            .filter((s) => s && typeof s.text === 'string' && s.text.trim())
            .slice(0, 20)
            .map((s) => ({
                text: s.text,
                kind: s.kind === 'phrase' ? 'phrase' : 'word',
                count: Number.isFinite(s.count) && s.count >= 0 ? s.count : null,
            }));
    }

    async function fetchFor(typed) {
        pending?.abort();
        const controller = new AbortController();
        pending = controller;
        let data;
        try {
            data = await load(typed, controller.signal);
        } catch (err) {
            if (controller.signal.aborted || err.name === 'AbortError') return;
            if (err.status === 404 || err.status === 405 || err.status === 501) unavailable = true;
            if (pending === controller) pending = null;
            close(); // suggestions are a convenience: a failure only hides them
            return;
        }
        // A newer keystroke aborted this request, or the box changed meanwhile: drop the answer.
        if (controller.signal.aborted || pending !== controller || input.value !== typed) return;
        pending = null;
        const list = suggestionsOf(data);
        cache.set(typed, list);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
        show(list, typed);
    }

    /** Shows the suggestions for what the box holds now: from the cache, or after a pause. */
    function update({ immediately = false } = {}) {
        clearTimeout(timer);
        timer = 0;
        pending?.abort();
        pending = null;
        const typed = input.value;
        if (!typed.trim() || unavailable) {
            cancel();
            return;
        }
        if (cache.has(typed)) {
            show(cache.get(typed), typed);
            return;
        }
        if (immediately) fetchFor(typed);
        else {
            timer = setTimeout(() => {
                timer = 0;
                fetchFor(typed);
            }, DEBOUNCE_MS);
        }
    }

    input.addEventListener('input', (event) => {
        if (event.isComposing) return; // an input method is still composing the word
        highlightOnOpen = 0;
        update();
    });
    input.addEventListener('compositionend', () => update());

    input.addEventListener('keydown', (event) => {
        if (event.isComposing || event.ctrlKey || event.metaKey) return;
        switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
            event.preventDefault();
            const down = event.key === 'ArrowDown';
            if (event.altKey) {
                if (down && !isOpen()) update({ immediately: true });
                else if (!down) close();
                return;
            }
            if (!isOpen()) {
                highlightOnOpen = down ? 1 : -1;
                update({ immediately: true });
                return;
            }
            const n = items.length;
            highlight(down ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
            return;
        }
        case 'Enter':
            if (isOpen() && active >= 0) {
                event.preventDefault();
                pick(active);
            } else {
                cancel(); // the form's own submission searches what was typed
            }
            return;
        case 'Escape':
            if (isOpen() || pending || timer) {
                event.preventDefault();
                cancel();
            } else if (input.value) {
                event.preventDefault(); // a second Escape clears the box
                input.value = '';
            }
            return;
        case 'Tab':
            cancel();
            return;
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'Home':
        case 'End':
            highlight(-1); // the caret moves in the box: back from the list
            return;
        default:
        }
    });

    input.addEventListener('blur', cancel);

    // A click on an option must not take the focus from the box (that would close the list).
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
        const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
        if (!option || !listbox.contains(option)) return;
        pick([...listbox.children].indexOf(option));
    });

    return { cancel };
}

// Browser test of the search box's help: search-as-you-type (the WAI-ARIA combobox over
// /api/v1/suggest), "did you mean" (suggestion / corrected from /api/v1/search, correct=0) and the
// query-language help, in headless Chromium against the real indexer and daemon.
// Some cases replace the daemon's answers (page.route) to check the page's own logic: stale
// answers, hostile text, a daemon without /suggest. Paths and environment: see harness.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
    ARTIFACTS, prerequisitesMet, resultsShown, resultsViewShown, servedPage, tabUntil,
} from './harness.mjs';

/** Lower case without accents, as the page compares the typed prefix. */
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

if (prerequisitesMet('browser suggestions and help')) defineTests();

function defineTests() {
    const served = servedPage('depeches-browser-suggest-');
    const openPage = (...args) => served.openPage(...args);

    /** Waits for the list to show the answer for what the box holds now (an answer for an
     * earlier prefix may still be on screen while the last one is on its way). */
    const listOpen = (page) => page.waitForFunction(() => {
        const list = document.getElementById('q-listbox');
        return !list.hidden && list.querySelector('[role="option"]') !== null
            && list.dataset.for === document.getElementById('q').value;
    });
    const listClosed = (page) => page.waitForFunction(() => document.getElementById('q-listbox').hidden
        && document.getElementById('q').getAttribute('aria-expanded') === 'false');
    /** The options shown: id, suggestion text (without the count), aria-selected. */
    const optionsOf = (page) => page.locator('#q-listbox [role="option"]').evaluateAll((nodes) => nodes.map((n) => ({
        id: n.id, text: n.querySelector('.suggest-text').textContent, selected: n.getAttribute('aria-selected'),
    })));
    const combo = (page) => page.evaluate(() => {
        const q = document.getElementById('q');
        return { expanded: q.getAttribute('aria-expanded'), active: q.getAttribute('aria-activedescendant'),
            focused: document.activeElement === q, value: q.value };
    });
    /** Records the query strings of the page's requests to `endpoint` (suggest or search). */
    const recordRequests = (page, endpoint) => {
        const seen = [];
        page.on('request', (req) => {
            const url = new URL(req.url());
            if (url.pathname === `/api/v1/${endpoint}`) seen.push(url.searchParams);
        });
        return seen;
    };

    test('the search box is an ARIA combobox controlling a listbox', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/`);
        const q = page.locator('#q');
        assert.equal(await q.getAttribute('role'), 'combobox');
        assert.equal(await q.getAttribute('aria-autocomplete'), 'list');
        assert.equal(await q.getAttribute('aria-expanded'), 'false');
        assert.equal(await q.getAttribute('aria-activedescendant'), null);
        const listId = await q.getAttribute('aria-controls');
        const list = page.locator(`#${listId}`);
        assert.equal(await list.getAttribute('role'), 'listbox');
        assert.ok(await list.getAttribute('aria-label'), 'the listbox has a name');
        assert.equal(await list.isVisible(), false);
        assert.equal(await page.getByRole('combobox', { name: 'Rechercher dans les dépêches' }).count(), 1,
            'the combobox keeps the label of the search box');
        await page.close();
    });

    test('typing a prefix lists completions; ArrowDown and Enter search the one picked', async () => {
        const page = await openPage();
        const asked = recordRequests(page, 'suggest');
        await page.goto(`${served.base}/`);
        await page.focus('#q');
        await page.keyboard.type('ale', { delay: 40 });
        await listOpen(page);

        assert.equal((await combo(page)).expanded, 'true');
        const options = await optionsOf(page);
        assert.ok(options.length >= 1 && options.length <= 8, `1 to 8 options: ${options.length}`);
        assert.equal(new Set(options.map((o) => o.id)).size, options.length, 'option ids are unique');
        assert.ok(options.every((o) => o.selected === 'false'), 'nothing highlighted before the arrow keys');
        const wanted = options.findIndex((o) => fold(o.text).includes('alep'));
        assert.ok(wanted >= 0, `an option holds "alep": ${options.map((o) => o.text).join(' | ')}`);
        assert.ok(asked.length >= 1, 'the page asked /api/v1/suggest');
        assert.ok(asked.every((p) => p.get('q').trim() !== ''), 'never asked for an empty box');
        assert.equal(asked.at(-1).get('q'), 'ale');
        assert.equal(asked.at(-1).get('limit'), '8');

        // The arrow keys move the highlight (aria-activedescendant), the focus stays in the box.
        await page.keyboard.press('ArrowDown');
        let state = await combo(page);
        assert.equal(state.active, options[0].id);
        assert.equal(state.focused, true);
        assert.equal(await page.getAttribute(`#${options[0].id}`, 'aria-selected'), 'true');
        await page.keyboard.press('ArrowUp'); // from the first option to the last
        assert.equal((await combo(page)).active, options.at(-1).id);
        await page.keyboard.press('ArrowDown'); // and round to the first again
        for (let i = 0; i < wanted; i++) await page.keyboard.press('ArrowDown');
        state = await combo(page);
        assert.equal(state.active, options[wanted].id);
        assert.equal(state.value, 'ale', 'highlighting does not change the box');
        assert.deepEqual((await optionsOf(page)).filter((o) => o.selected === 'true').map((o) => o.id),
            [options[wanted].id], 'exactly one option is aria-selected');

        await page.keyboard.press('Enter');
        await resultsShown(page);
        const picked = options[wanted].text;
        assert.equal(new URL(page.url()).searchParams.get('q'), picked.trim());
        assert.equal(await page.inputValue('#q'), picked.trim());
        state = await combo(page);
        assert.equal(state.expanded, 'false');
        assert.equal(state.active, null);
        assert.equal(await page.locator('#q-listbox').isVisible(), false);
        assert.match(await page.textContent('#status'), /résultat/);
        const marks = await page.locator('#results .snippet mark').allTextContents();
        assert.ok(marks.some((m) => /alep/i.test(fold(m))), `"Alep" is highlighted: ${marks.join(' | ')}`);
        await page.close();
    });

    test('Escape closes the list, a second Escape clears the box; Tab, clicks elsewhere close it', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/`);
        await page.focus('#q');
        await page.keyboard.type('ale');
        await listOpen(page);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Escape');
        await listClosed(page);
        let state = await combo(page);
        assert.deepEqual([state.value, state.active, state.focused], ['ale', null, true]);
        await page.keyboard.press('Escape');
        assert.equal(await page.inputValue('#q'), '', 'the second Escape clears the box');
        await sleep(300);
        assert.equal(await page.locator('#q-listbox').isVisible(), false, 'an empty box lists nothing');

        await page.keyboard.type('ale');
        await listOpen(page);
        await page.keyboard.press('Tab');
        await listClosed(page);
        assert.equal(await page.evaluate(() => document.activeElement.type), 'submit');

        await page.focus('#q');
        await page.keyboard.type('p');
        await listOpen(page);
        await page.click('.site-footer'); // anywhere but the list
        await listClosed(page);

        // A mouse click on an option searches it.
        await page.focus('#q');
        await page.keyboard.press('Backspace');
        await listOpen(page);
        const options = await optionsOf(page);
        const wanted = options.find((o) => fold(o.text).includes('alep')) ?? options[0];
        await page.click(`#${wanted.id}`);
        await resultsShown(page);
        assert.equal(new URL(page.url()).searchParams.get('q'), wanted.text.trim());
        state = await combo(page);
        assert.equal(state.expanded, 'false');
        await page.close();
    });

    test('stale answers never replace newer ones; suggestions are inserted as text', async () => {
        const page = await openPage();
        const asked = recordRequests(page, 'suggest');
        await page.route('**/api/v1/suggest?**', async (route) => {
            const q = new URL(route.request().url()).searchParams.get('q');
            const answer = (suggestions) => ({ status: 200, contentType: 'application/json',
                body: JSON.stringify({ q, suggestions, took_ms: 0.1 }) });
            try {
                if (q === 'al') {
                    await sleep(700); // the slow answer to an older keystroke
                    await route.fulfill(answer([{ text: 'al-Assad', kind: 'word', count: 9 }]));
                } else {
                    await route.fulfill(answer([
                        { text: `${q}<img src=x onerror="window.__pwned=1">`, kind: 'word', count: 2 },
                        { text: `Élysée ${q} "test" & co`, kind: 'phrase', count: 1 },
                    ]));
                }
            } catch {
                // The page aborted the request: nothing to answer.
            }
        });
        await page.goto(`${served.base}/`);
        await page.focus('#q');
        await page.keyboard.type('al');
        await sleep(250); // the request for "al" is on its way
        await page.keyboard.type('x');
        await listOpen(page);
        await sleep(900); // the answer for "al" would have come by now
        const texts = (await optionsOf(page)).map((o) => o.text);
        assert.deepEqual(texts, ['alx<img src=x onerror="window.__pwned=1">', 'Élysée alx "test" & co'],
            'the list is the answer to the last keystroke, shown literally');
        assert.equal(await page.locator('#q-listbox img').count(), 0);
        assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
        assert.equal(await page.textContent('#q-listbox [role="option"] .suggest-completion'),
            '<img src=x onerror="window.__pwned=1">', 'the completion after the typed prefix is emphasised');
        assert.match(await page.textContent('#q-listbox [role="option"]:first-child'), /2\s*dépêches/);

        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.waitForURL(/q=/);
        assert.equal(new URL(page.url()).searchParams.get('q'), 'Élysée alx "test" & co');

        const before = asked.length;
        await page.fill('#q', '');
        await page.focus('#q');
        await page.keyboard.press('Backspace');
        await sleep(300);
        assert.equal(asked.length, before, 'no request for an empty box');
        assert.ok(asked.every((p) => p.get('q').trim() !== ''));
        await page.close();
    });

    test('a daemon without /suggest: no list, no error, no more requests', async () => {
        const page = await openPage();
        const asked = recordRequests(page, 'suggest');
        await page.route('**/api/v1/suggest?**', (route) => route.fulfill({ status: 404,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'not_found', message: 'no such endpoint: /api/v1/suggest' } }) }));
        await page.goto(`${served.base}/`);
        await page.focus('#q');
        await page.keyboard.type('ale');
        await sleep(400);
        // On a loaded machine the keystrokes can be slower than the debounce: "al" may have been
        // asked (and aborted) before "ale". What matters is that after the 404 nothing more is.
        const before404 = asked.length;
        assert.ok(before404 >= 1, 'the prefix was asked for');
        await page.keyboard.type('p');
        await sleep(400);
        assert.equal(asked.length, before404, 'one 404 is enough');
        assert.equal(await page.locator('#q-listbox').isVisible(), false);
        assert.equal(await page.locator('#error').isVisible(), false);
        await page.keyboard.press('Enter');
        await resultsShown(page);
        await page.close();
    });

    test('a misspelled query offers the right spelling: Alepp → alep', async () => {
        const page = await openPage();
        const searches = recordRequests(page, 'search');
        await page.goto(`${served.base}/?q=Alepp`);
        await resultsViewShown(page);
        const notice = page.locator('#suggestion');
        await notice.waitFor({ state: 'visible' });
        const text = await notice.textContent();
        assert.match(text, /Vouliez-vous dire|Résultats pour/);
        assert.match(fold(text), /alep\b/);
        if (/Résultats pour/.test(text)) {
            // Corrected: the results are for "alep", and a link searches "Alepp" as typed.
            assert.ok(await page.locator('#results .hit').count() > 0, 'results for the correction');
            const link = notice.getByRole('link', { name: /Alepp/ });
            assert.match(await link.getAttribute('href'), /correct=0/);
            await link.click();
            await page.waitForURL(/correct=0/);
            await resultsViewShown(page);
            assert.equal(searches.at(-1).get('correct'), '0', 'the API is asked not to correct');
            assert.equal(searches.at(-1).get('q'), 'Alepp');
            assert.doesNotMatch(await page.textContent('#suggestion'), /Résultats pour/);
        } else {
            await notice.getByRole('link').click();
            await resultsShown(page);
            assert.match(fold(new URL(page.url()).searchParams.get('q')), /^alep$/);
        }
        await page.close();
    });

    test('"did you mean" and the corrected notice, as the page renders them', async () => {
        const page = await openPage();
        const searches = recordRequests(page, 'search');
        const hit = { id: '003_f9830da52e4e5e6c', title: 'Alep: <b>l’armée syrienne</b> avance', date: '2016-12-08',
            score: 0.5, snippet: 'Les soldats de <mark>l&#39;armée</mark> <mark>syrienne</mark>…' };
        await page.route('**/api/v1/search?**', (route) => {
            const params = new URL(route.request().url()).searchParams;
            const corrected = params.get('correct') !== '0';
            const body = { query: params.get('q'), total: corrected ? 1 : 0, total_exact: true, offset: 0, limit: 10,
                sort: 'relevance', op: 'auto', fallback: false, took_ms: 0.3, hits: corrected ? [hit] : [],
                suggestion: 'armée syrienne <i>', corrected };
            return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
        });
        await page.goto(`${served.base}/?q=${encodeURIComponent('armee syrien')}`);
        await resultsShown(page);
        const notice = page.locator('#suggestion');
        assert.equal((await notice.textContent()).replace(/\s/g, ' '),
            'Résultats pour « armée syrienne <i> ». Rechercher plutôt « armee syrien »');
        assert.equal(await notice.locator('i').count(), 0, 'the suggestion is text');
        const original = notice.getByRole('link');
        await original.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/correct=0/);
        await resultsViewShown(page);
        assert.equal(new URL(page.url()).searchParams.get('q'), 'armee syrien');
        assert.equal(searches.at(-1).get('correct'), '0');
        assert.equal((await notice.textContent()).replace(/\s/g, ' '), 'Vouliez-vous dire armée syrienne <i> ?');

        await notice.getByRole('link').click();
        await page.waitForURL((url) => url.searchParams.get('q') === 'armée syrienne <i>');
        await resultsShown(page);
        assert.equal(new URL(page.url()).searchParams.get('correct'), null, 'a new query is corrected again');
        assert.equal(searches.at(-1).get('correct'), null);
        await page.close();
    });

    test('the query-language help opens from the keyboard and explains the syntax', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/`);
        const help = page.locator('details#syntax-help');
        assert.equal(await help.evaluate((d) => d.open), false, 'closed at first');
        await page.focus('#q');
        await tabUntil(page, () => document.activeElement?.tagName === 'SUMMARY');
        assert.match(await page.evaluate(() => document.activeElement.textContent), /Aide à la recherche/);
        await page.keyboard.press('Enter');
        assert.equal(await help.evaluate((d) => d.open), true);
        const text = await help.innerText();
        for (const needle of ['"cessez le feu"', '-Damas', 'SAUF', 'OU', 'OR', 'ET', 'AND', 'NOT', '(Alep OU Mossoul)',
            'titre:', 'évac*', 'date:2016-12', 'date:2016-12-01..2016-12-31', 'date:..2016-12-31', 'Trier par',
            'accents', 'faute de frappe', 'OSDH', 'Observatoire syrien des droits de l’Homme']) {
            assert.ok(text.toLowerCase().includes(needle.toLowerCase()), `the help mentions ${needle}`);
        }
        await page.keyboard.press('Enter');
        assert.equal(await help.evaluate((d) => d.open), false, 'closes again');
        await page.close();
    });

    test('phone-sized screen: the list and the help fit, options are easy to touch', async () => {
        const page = await openPage({ width: 360, height: 640 });
        await page.goto(`${served.base}/`);
        await page.focus('#q');
        await page.keyboard.type('ale');
        await listOpen(page);
        const box = await page.locator('#q-listbox').boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 360, `the list fits: ${JSON.stringify(box)}`);
        const heights = await page.locator('#q-listbox [role="option"]')
            .evaluateAll((nodes) => nodes.map((n) => n.offsetHeight));
        assert.ok(heights.every((h) => h >= 40), `options at least 40 px high: ${heights}`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'no sideways scroll');
        await page.screenshot({ path: path.join(ARTIFACTS, 'suggest-phone.png') });
        await page.keyboard.press('Escape');

        await page.click('#syntax-help summary');
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the help fits');
        await page.screenshot({ path: path.join(ARTIFACTS, 'help-phone.png'), fullPage: true });
        await page.close();
    });

    test('no script error, console error or dialog on any page', () => {
        assert.deepEqual(served.pageErrors, []);
    });
}

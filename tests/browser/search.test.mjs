// Browser test of the web page: headless Chromium (playwright-core) drives web/ as served by the
// real depeches-searchd, over an index the real depeches-indexer builds in a temporary directory.
// Skips (exit code 77 when run alone, a "SKIPPED:" line under `node --test`) only if
// playwright-core or Chromium is missing. Paths and environment: see harness.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
    ARTIFACTS, dispatchShown, prerequisitesMet, resultsShown, resultsViewShown, runIndexer, servedPage,
    tabUntil,
} from './harness.mjs';

// A dispatch whose text tries to run script: the page must show it as plain characters.
const HOSTILE = {
    id: 'xss-1',
    title: 'Test <script>alert(1)</script>',
    date: '2016-12-09',
    body: 'Texte avec <script>window.__pwned=1</script> et <img src=x onerror="window.__pwned=2"> au milieu, '
        + 'à propos de l\'armée.',
};
// Enough dispatches on one subject to fill three pages; ids with "/" must survive the round trip.
const BULLETINS = Array.from({ length: 23 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
        id: `bulletin/${n}`,
        title: `Bulletin ${n} des marchés lyonnais`,
        date: `2015-01-${n}`,
        body: `Bulletin numéro ${n} : les cours des marchés lyonnais ont été publiés.\n\n`
            + 'Second paragraphe du bulletin, sans surprise.',
    };
});

// One text filed twice, typeset differently: the page shows it once and says so.
const COPIES = [
    { id: 'col-1', title: 'Convoi au Lautaret', date: '2016-10-02',
        abstract: 'Franchissement du Lautaret par un convoi.',
        body: 'Le convoi a franchi le col du Lautaret.' },
    { id: 'col-2', title: 'LE CONVOI AU LAUTARET', date: '2016-10-03',
        body: 'LE CONVOI A FRANCHI LE COL DU LAUTARET !' },
];

// The same markets' yearly reports, two years before the bulletins: the results span three years.
const REPORTS = [2013, 2014].map((year) => ({
    id: `rapport-${year}`, title: `Rapport annuel ${year} des marchés lyonnais`, date: `${year}-06-30`,
    body: `Les marchés lyonnais en ${year} : une année calme.`,
}));

// A painter whose name is one letter from the bulletins: searched, the bulletins come after him,
// and the page says so.
const PAINTER = { id: 'bulleton', title: 'Le peintre Bulleton expose', date: '2016-11-02',
    body: 'Le peintre Bulleton expose ses toiles à Grenoble.' };

// Two dispatches a century apart: the bars show both years, not the hundred between.
const CENTURY = [
    { id: 'centenaire-1', title: 'Un centenaire à Nantes', date: '1890-05-01', body: 'Le centenaire.' },
    { id: 'centenaire-2', title: 'Le centenaire fêté', date: '2016-05-01', body: 'Le centenaire encore.' },
];

if (prerequisitesMet('browser search page')) defineTests();

function defineTests() {
    const served = servedPage('depeches-browser-', {
        afterIndex(db) {
            const lines = [HOSTILE, ...BULLETINS, ...COPIES, ...REPORTS, PAINTER, ...CENTURY].map((d) => JSON.stringify(d)).join('\n') + '\n';
            runIndexer(['--db', db, '-'], lines);
        },
        async afterStart(base, corpus) {
            const health = await (await fetch(`${served.base}/healthz`)).json();
            const expected = corpus.documents + 2 + BULLETINS.length + COPIES.length + REPORTS.length
                + CENTURY.length;
            assert.equal(health.documents, expected, 'the index holds the corpus and the JSON Lines dispatches');
        },
    });
    const openPage = (...args) => served.openPage(...args);

    test('keyboard search without accents finds accented words, highlighted', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/`);
        assert.equal(await page.getAttribute('html', 'lang'), 'fr');
        assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'),
            /default-src 'self'/);
        assert.equal(await page.locator('header').count(), 1);
        assert.equal(await page.locator('main').count(), 1);
        assert.equal(await page.locator('form[role="search"] label[for="q"]').isVisible(), true);
        assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');

        await tabUntil(page, () => document.activeElement?.id === 'q');
        await page.keyboard.type('armee syrienne');
        await page.keyboard.press('Enter');
        await resultsShown(page);

        assert.match(await page.textContent('#status'), /^\d+ résultats? \([\d  ,]+ ms\)/);
        const marks = await page.locator('#results .snippet mark').allTextContents();
        assert.ok(marks.length > 0, 'snippets have <mark> highlights');
        assert.ok(marks.some((m) => /armée/i.test(m)), `an accented form is highlighted: ${marks.join(' | ')}`);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('q'), 'armee syrienne');
        assert.match(url.search, /q=armee(\+|%20)syrienne/);

        // Keyboard focus is visible on the submit button.
        await page.focus('#q');
        await page.keyboard.press('Tab');
        const outline = await page.evaluate(() => {
            const style = getComputedStyle(document.activeElement);
            return { tag: document.activeElement.tagName, style: style.outlineStyle, width: style.outlineWidth };
        });
        assert.equal(outline.tag, 'BUTTON');
        assert.notEqual(outline.style, 'none');
        assert.notEqual(outline.width, '0px');

        await page.screenshot({ path: path.join(ARTIFACTS, 'results-desktop.png'), fullPage: true });
        await page.close();
    });

    test('opening a dispatch by keyboard shows highlighted text; back returns to the results', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/?q=armee+syrienne`);
        await resultsShown(page);
        const firstTitle = (await page.locator('#results .hit-link').first().textContent()).trim();
        const firstId = await page.locator('#results .hit-link').first().getAttribute('data-id');

        await page.focus('#q');
        await tabUntil(page, () => document.activeElement?.classList.contains('hit-link'));
        await page.keyboard.press('Enter');
        await dispatchShown(page);
        assert.equal(new URL(page.url()).searchParams.get('id'), firstId);
        assert.equal((await page.textContent('#dispatch-title')).trim(), firstTitle);
        assert.ok(await page.locator('#dispatch-body mark').count() > 0, 'the body has <mark> highlights');
        assert.ok(await page.locator('#dispatch-body p').count() > 1, 'the body is split into paragraphs');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'dispatch-title',
            'focus moves to the dispatch title');
        assert.equal(await page.locator('#results-view').isVisible(), false);
        await page.screenshot({ path: path.join(ARTIFACTS, 'dispatch-desktop.png'), fullPage: true });

        // The « Retour aux résultats » button, by keyboard.
        await page.keyboard.press('Shift+Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'back');
        await page.keyboard.press('Enter');
        await resultsShown(page);
        assert.equal(await page.locator('#dispatch-view').isVisible(), false);
        assert.equal(new URL(page.url()).searchParams.get('id'), null);
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), firstId,
            'focus returns to the link of the dispatch that was open');

        // The browser's back and forward buttons.
        await page.keyboard.press('Enter');
        await dispatchShown(page);
        await page.goBack();
        await resultsShown(page);
        assert.equal(await page.locator('#dispatch-view').isVisible(), false);
        assert.match(await page.textContent('#status'), /résultat/);
        await page.goForward();
        await dispatchShown(page);

        // Escape closes the dispatch.
        await page.keyboard.press('Escape');
        await resultsShown(page);
        assert.equal(await page.locator('#dispatch-view').isVisible(), false);
        await page.close();
    });

    test('a shared link runs its search and opens its dispatch without typing', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/?q=geneve`);
        await resultsShown(page);
        assert.equal(await page.inputValue('#q'), 'geneve');
        const marks = await page.locator('#results .snippet mark').allTextContents();
        assert.ok(marks.some((m) => /Genève/.test(m)), `"geneve" highlights "Genève": ${marks.join(' | ')}`);

        const id = await page.locator('#results .hit-link').first().getAttribute('data-id');
        await page.goto(`${served.base}/?q=geneve&id=${encodeURIComponent(id)}`);
        await dispatchShown(page);
        assert.ok((await page.locator('#dispatch-body mark').allTextContents()).includes('Genève'));
        await page.click('#back');
        await resultsShown(page);
        assert.equal(new URL(page.url()).searchParams.get('q'), 'geneve');

        // Invalid syntax is searched as plain words, and the page says so.
        await page.goto(`${served.base}/?q=${encodeURIComponent('"geneve')}`);
        await resultsShown(page);
        assert.match(await page.textContent('#notice'), /syntaxe/);
        await page.close();
    });

    test('hostile dispatch text is shown literally and runs nothing', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/?q=script`);
        await resultsShown(page);
        const link = page.locator('#results .hit-link[data-id="xss-1"]');
        assert.equal(await link.count(), 1, 'the hostile dispatch is found');
        assert.equal(await link.textContent(), HOSTILE.title);
        await link.click();
        await dispatchShown(page);

        assert.equal(await page.textContent('#dispatch-title'), HOSTILE.title);
        const body = await page.textContent('#dispatch-body');
        assert.ok(body.includes('<script>window.__pwned=1</script>'), body);
        assert.ok(body.includes('<img src=x onerror='), body);
        assert.ok(await page.locator('#dispatch-body mark').count() > 0, 'highlights still work');
        assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
        assert.equal(await page.locator('#main script, #main img').count(), 0,
            'no element was created from the dispatch text');
        assert.equal(await page.locator('script').count(), 1, 'only the page\'s own script');
        await page.close();
    });

    test('pagination, sort by date and ids with "/"', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/?q=bulletin`);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^23 résultats/);
        assert.equal(await page.locator('#results .hit').count(), 10);
        const nav = page.locator('nav[aria-label] >> text=Suivant');
        await nav.click();
        await page.waitForURL(/offset=10/);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /page 2 sur 3/);
        assert.equal(await page.getAttribute('#pagination [aria-current="page"]', 'aria-label'),
            'Page 2, page actuelle');
        assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('hit-link')), true,
            'focus moves to the first result of the new page');
        await page.click('#pagination >> text=3');
        await page.waitForURL(/offset=20/);
        await resultsShown(page);
        assert.equal(await page.locator('#results .hit').count(), 3);
        await page.goBack();
        await page.waitForURL(/offset=10/);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /page 2 sur 3/);

        await page.selectOption('#sort', 'date');
        await page.waitForURL(/sort=date/);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^23 résultats \(/);
        assert.equal(new URL(page.url()).searchParams.get('offset'), null, 'a new sort starts at page 1');
        const dates = await page.locator('#results .hit time').evaluateAll((ts) => ts.map((t) => t.dateTime));
        assert.equal(dates[0], '2015-01-23');
        assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
        assert.equal(await page.locator('#results .hit time').first().textContent(), '23 janvier 2015');

        await page.selectOption('#sort', 'oldest');
        await page.waitForURL(/sort=oldest/);
        await resultsShown(page);
        const oldestFirst = await page.locator('#results .hit time').evaluateAll((ts) => ts.map((t) => t.dateTime));
        assert.equal(oldestFirst[0], '2015-01-01');
        assert.deepEqual(oldestFirst, [...oldestFirst].sort(), 'oldest first');
        await page.selectOption('#sort', 'date');
        await page.waitForURL(/sort=date/);
        await resultsShown(page);

        await page.locator('#results .hit-link').first().click();
        await dispatchShown(page);
        assert.equal(new URL(page.url()).searchParams.get('id'), 'bulletin/23');
        assert.match(await page.textContent('#dispatch-title'), /Bulletin 23/);
        await page.close();
    });

    test('copies listed once and linked; by date every word, or a notice; abstracts highlighted', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/?q=lautaret`);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^1 résultat/);
        assert.equal(await page.locator('#results .hit').count(), 1);
        assert.equal(await page.textContent('#results .hit .copies'), 'même texte qu’une autre dépêche');
        await page.goto(`${served.base}/?q=bulletin`);
        await resultsShown(page);
        assert.equal(await page.locator('#results .copies').count(), 0, 'distinct texts say nothing');
        // By date, every word is asked for; when no dispatch has them all, the page says so.
        await page.goto(`${served.base}/?q=lautaret&sort=date`);
        await resultsShown(page);
        assert.equal(await page.locator('#notice').isHidden(), true, 'every word found: no notice');
        await page.goto(`${served.base}/?q=${encodeURIComponent('lautaret bulletin')}&sort=date`);
        await resultsShown(page);
        assert.match(await page.textContent('#notice'), /Aucune dépêche n’a tous ces mots/);
        assert.equal(await page.locator('#results .hit').count(), 10);
        // The dispatch's abstract is highlighted like its title and body.
        await page.goto(`${served.base}/?q=lautaret&id=col-1`);
        await dispatchShown(page);
        assert.deepEqual(await page.locator('#dispatch-abstract mark').allTextContents(), ['Lautaret']);
        // It lists its copy, which opens with a link back.
        assert.match(await page.textContent('#dispatch-copies'), /^Même texte qu’une autre dépêche/);
        await page.locator('#dispatch-copies a').click();
        await page.waitForURL(/id=col-2/);
        await dispatchShown(page);
        assert.match(await page.textContent('#dispatch-title'), /LE CONVOI AU LAUTARET/);
        assert.equal(await page.textContent('#dispatch-copies a'), 'Convoi au Lautaret');
        await page.close();
    });

    test('bars per year, then per month, narrow the search to a period, which stays until left', async () => {
        const page = await openPage();
        // French typography puts a no-break space before ":"; read as a plain one here.
        const bars = () => page.locator('#periods .period').evaluateAll((items) => items.map((item) =>
            `${item.getAttribute('aria-current') ? 'current' : item.tagName === 'A' ? 'link' : 'none'} `
            + (item.getAttribute('aria-label') ?? item.title).replaceAll('\u00a0', ' ')));
        const title = async () => (await page.textContent('#periods .periods-title')).replaceAll('\u00a0', ' ');
        await page.goto(`${served.base}/?q=${encodeURIComponent('marchés lyonnais')}`);
        await resultsShown(page);
        // Any of the words makes a result; the bars count what has them all, and say so.
        assert.match(await page.textContent('#status'), /^26 résultats/);
        assert.equal(await title(), 'Par année · dépêches qui ont tous les mots');
        assert.deepEqual(await bars(), ['link 2013 : 1 dépêche', 'link 2014 : 1 dépêche',
            'link 2015 : 23 dépêches']);

        // A year: its dispatches, and its twelve months.
        await page.locator('#periods a.period').last().click();
        await page.waitForURL(/from=2015-01-01&to=2015-12-31/);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^23 résultats/);
        assert.match(await title(), /^Période : 2015 toutes les dates/);
        const months = await bars();
        assert.equal(months.length, 12);
        assert.equal(months[0], 'link janvier 2015 : 23 dépêches');
        assert.equal(months[1], 'none février 2015 : 0 dépêche');
        // Screen readers hear only the months that have dispatches.
        assert.equal(await page.locator('#periods li[aria-hidden="true"] .period.empty').count(), 11);
        // A month: the year's other months stay a click away.
        await page.locator('#periods a.period').first().click();
        await page.waitForURL(/from=2015-01-01&to=2015-01-31/);
        await resultsShown(page);
        assert.equal((await bars())[0], 'current janvier 2015 : 23 dépêches');
        assert.match(await title(), /^Période : janvier 2015 toutes les dates · toute l’année 2015/);

        // A new search keeps the period; the link leaves it.
        await page.fill('#q', 'rapport annuel');
        await page.press('#q', 'Enter');
        await page.waitForURL(/q=rapport/);
        await resultsViewShown(page);
        assert.equal(new URL(page.url()).searchParams.get('from'), '2015-01-01');
        assert.match(await page.textContent('#status'), /^Aucun résultat/);
        await page.locator('#periods .periods-clear').click();
        await page.waitForURL((url) => !url.searchParams.has('from'));
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^2 résultats/);
        assert.deepEqual(await bars(), ['link 2013 : 1 dépêche', 'link 2014 : 1 dépêche']);
        // A century apart: the two years alone.
        await page.goto(`${served.base}/?q=centenaire`);
        await resultsShown(page);
        assert.deepEqual(await bars(), ['link 1890 : 1 dépêche', 'link 2016 : 1 dépêche']);
        await page.close();
    });

    test('a rare word also searched one typo away says so; quoted, it is searched alone', async () => {
        const page = await openPage();
        await page.goto(`${served.base}/?q=Bulleton`);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^24 résultats/);
        assert.equal(await page.getAttribute('#results .hit-link >> nth=0', 'data-id'), 'bulleton');
        const notice = (await page.textContent('#notice')).replaceAll('\u00a0', ' ');
        assert.match(notice, /^Aussi cherché, à une faute de frappe près : « bulletin » pour « bulleton »\./);
        assert.equal(await page.locator('#suggestion').isHidden(), true, 'no correction offered');
        await page.goto(`${served.base}/?q=${encodeURIComponent('"Bulleton"')}`);
        await resultsShown(page);
        assert.match(await page.textContent('#status'), /^1 résultat/);
        assert.equal(await page.locator('#notice').isHidden(), true);
        await page.close();
    });

    test('phone-sized screen: no horizontal scrolling, 16px inputs', async () => {
        const page = await openPage({ width: 360, height: 640 });
        await page.goto(`${served.base}/?q=armee+syrienne`);
        await resultsShown(page);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'results fit');
        const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('q')).fontSize));
        assert.ok(fontSize >= 16, `search input font size ${fontSize}px`);
        await page.screenshot({ path: path.join(ARTIFACTS, 'results-phone.png'), fullPage: true });

        await page.locator('#results .hit-link').first().click();
        await dispatchShown(page);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'dispatch fits');
        await page.screenshot({ path: path.join(ARTIFACTS, 'dispatch-phone.png'), fullPage: true });
        await page.close();
    });

    test('API errors and network failures show a French message', async () => {
        const page = await openPage({ width: 360, height: 640 });
        await page.goto(`${served.base}/`);
        await page.fill('#q', 'armee '.repeat(850)); // ~5000 characters: the server refuses it
        await page.press('#q', 'Enter');
        const alert = page.locator('#error[role="alert"]');
        await alert.waitFor({ state: 'visible' });
        assert.match(await alert.textContent(), /La recherche est trop longue|La recherche n’a pas pu être comprise/);
        assert.equal(await page.locator('#results-view').isVisible(), false);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the error fits');
        await page.screenshot({ path: path.join(ARTIFACTS, 'error-phone.png'), fullPage: true });

        await page.goto(`${served.base}/?q=armee&id=${encodeURIComponent('pas/de-cette-depeche')}`);
        await alert.waitFor({ state: 'visible' });
        assert.match(await alert.textContent(), /Cette dépêche est introuvable/);

        // The server cannot be reached: the message offers to try again, which then works.
        await page.route('**/api/v1/search**', (route) => route.abort('connectionrefused'));
        await page.goto(`${served.base}/?q=alep`);
        await alert.waitFor({ state: 'visible' });
        assert.match(await alert.textContent(), /Impossible de joindre le serveur/);
        await page.unroute('**/api/v1/search**');
        await page.getByRole('button', { name: 'Réessayer' }).click();
        await resultsShown(page);
        assert.equal(await alert.isVisible(), false);
        await page.close();
    });

    test('no script error, console error or dialog on any page', () => {
        assert.deepEqual(served.pageErrors, []);
    });
}

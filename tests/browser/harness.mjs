// Shared by the browser tests: paths, the real indexer and daemon on a loopback port 0, headless
// Chromium through playwright-core, pages that record script errors, and waits on the page state.
//
// Environment: DEPECHES_BIN (folder of the binaries), DEPECHES_WEB (web/), DEPECHES_CORPUS
// (corpus/), DEPECHES_CHROMIUM (browser, default /usr/bin/chromium).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
export const BIN = process.env.DEPECHES_BIN || path.join(repo, 'build/bin');
export const WEB = process.env.DEPECHES_WEB || path.join(repo, 'web');
export const CORPUS = process.env.DEPECHES_CORPUS || path.join(repo, 'corpus');
export const CHROMIUM = process.env.DEPECHES_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = path.join(here, 'artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * True when playwright-core and Chromium are there. Otherwise prints the "SKIPPED:" line CTest
 * looks for, registers a skipped test named `name` and, run alone, sets exit code 77.
 */
export function prerequisitesMet(name) {
    const missing = [];
    if (!fs.existsSync(path.join(here, 'node_modules', 'playwright-core'))) {
        missing.push(`${path.join(here, 'node_modules', 'playwright-core')} (run "npm ci" in tests/browser)`);
    }
    if (!fs.existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install chromium)`);
    if (missing.length === 0) return true;
    console.log(`SKIPPED: browser test needs ${missing.join(' and ')}`);
    if (!process.env.NODE_TEST_CONTEXT) process.exitCode = 77; // run alone: tell CTest it skipped
    test(name, { skip: `missing ${missing.join(', ')}` }, () => {});
    return false;
}

/** Headless Chromium with a profile in `dir`, French locale. */
export async function launchBrowser(dir) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, locale: 'fr-FR',
        viewport: { width: 1280, height: 900 },
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    return browser;
}

/**
 * Returns openPage({width, height}): a fresh page that records uncaught errors, console errors
 * and dialogs (alert()) in `pageErrors`.
 */
export function pageOpener(browser, pageErrors) {
    return async ({ width = 1280, height = 900 } = {}) => {
        const page = await browser.newPage();
        await page.setViewportSize({ width, height });
        page.setDefaultTimeout(10_000);
        page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
        page.on('dialog', async (dialog) => {
            pageErrors.push(`dialog opened: ${dialog.message()}`);
            await dialog.dismiss();
        });
        page.on('console', (msg) => {
            // Failed requests are logged by Chromium itself; the tests that cause them check the page.
            if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) {
                pageErrors.push(`console error: ${msg.text()}`);
            }
        });
        return page;
    };
}

/** Presses Tab until `predicate` holds in the page (at most `maxTabs` times). */
export async function tabUntil(page, predicate, maxTabs = 12) {
    for (let i = 0; i < maxTabs; i++) {
        if (await page.evaluate(predicate)) return;
        await page.keyboard.press('Tab');
    }
    assert.ok(await page.evaluate(predicate), `focus reached the expected element within ${maxTabs} tabs`);
}

// The page keeps <main aria-busy="true"> while a request is pending; these wait for the end.
export const resultsShown = (page) => page.waitForFunction(() => !document.getElementById('main').ariaBusy
    && !document.getElementById('results-view').hidden
    && document.querySelector('#results .hit') !== null);
export const resultsViewShown = (page) => page.waitForFunction(() => !document.getElementById('main').ariaBusy
    && !document.getElementById('results-view').hidden);
export const dispatchShown = (page) => page.waitForFunction(() => !document.getElementById('main').ariaBusy
    && !document.getElementById('dispatch-view').hidden);

/** Runs depeches-indexer; returns its JSON summary when asked for one with --json. */
export function runIndexer(args, input) {
    const exe = path.join(BIN, 'depeches-indexer');
    const run = spawnSync(exe, args, { input, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.error, undefined, `${exe} could not run`);
    assert.equal(run.status, 0, `depeches-indexer ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
    return args.includes('--json') ? JSON.parse(run.stdout) : undefined;
}

/** Starts depeches-searchd on a free loopback port; resolves once it printed its address. */
export function startDaemon(db) {
    const exe = path.join(BIN, 'depeches-searchd');
    const daemon = spawn(exe, ['--db', db, '--listen', '127.0.0.1:0', '--web', WEB],
        { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    daemon.stderr.on('data', (chunk) => { stderr += chunk; });
    process.on('exit', () => daemon.kill('SIGKILL')); // never leave it behind, whatever happens
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error('no "listening on" line within 15 s')), 15_000);
        const fail = (err) => {
            clearTimeout(timer);
            daemon.kill('SIGKILL');
            reject(new Error(`${exe}: ${err.message}\n${stderr}`));
        };
        daemon.on('error', fail);
        daemon.on('exit', (code, signal) => fail(new Error(`exited early (code ${code}, signal ${signal})`)));
        createInterface({ input: daemon.stdout }).once('line', (line) => {
            const match = /^listening on (http:\/\/\S+)$/.exec(line.trim());
            if (!match) return fail(new Error(`unexpected first line: ${line}`));
            clearTimeout(timer);
            daemon.removeAllListeners('exit');
            daemon.stdout.resume();
            resolve({ daemon, base: match[1] });
        });
    });
}

/** Sends SIGTERM and waits (at most 10 s, then SIGKILL) for the daemon to exit. */
export function stopDaemon(daemon) {
    if (daemon.exitCode !== null || daemon.signalCode !== null) {
        return Promise.resolve({ code: daemon.exitCode, signal: daemon.signalCode });
    }
    return new Promise((resolve) => {
        const timer = setTimeout(() => daemon.kill('SIGKILL'), 10_000);
        daemon.once('exit', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal });
        });
        daemon.kill('SIGTERM');
    });
}

/**
 * Registers the hooks of a browser test file: before(), index corpus/ into a fresh temporary
 * directory (then `afterIndex(db, corpus)` may add more), serve it with the real daemon
 * (`afterStart(base, corpus)` may check it) and open Chromium; after(), close everything and
 * check that the daemon exits 0 on SIGTERM. Returns { base, openPage, pageErrors }, whose first
 * two are set once before() has run.
 */
export function servedPage(prefix, { afterIndex, afterStart } = {}) {
    const served = { base: undefined, openPage: undefined, pageErrors: [] };
    let tmp;
    let daemon;
    let browser;
    before(async () => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        const db = path.join(tmp, 'index');
        const corpus = runIndexer(['--db', db, '--json', CORPUS]);
        if (afterIndex) afterIndex(db, corpus);
        ({ daemon, base: served.base } = await startDaemon(db));
        if (afterStart) await afterStart(served.base, corpus);
        browser = await launchBrowser(path.join(tmp, 'profile'));
        served.openPage = pageOpener(browser, served.pageErrors);
    });
    after(async () => {
        await browser?.close().catch(() => {});
        if (daemon) {
            const exit = await stopDaemon(daemon);
            assert.deepEqual(exit, { code: 0, signal: null }, 'depeches-searchd exits 0 on SIGTERM');
        }
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });
    return served;
}

// Opens the draft in the monaco-yaml page, waits for the language server's
// squiggles, asks for completion on the empty line, and takes a screenshot.
import { chromium } from 'playwright-core'
const [url, out] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 })
page.on('console', (m) => console.log('page:', m.text()))
await page.goto(url)
await page.waitForFunction(() => globalThis.monaco && globalThis.editor && globalThis.monaco.editor.getModelMarkers({}).length >= 3, null, { timeout: 60000 })
console.log(JSON.stringify(await page.evaluate(() => globalThis.monaco.editor.getModelMarkers({}).map((m) => `${m.startLineNumber}:${m.startColumn} ${m.message}`)), null, 1))
await page.evaluate(() => { const e = globalThis.editor; const n = e.getModel().getLineCount(); e.focus(); e.setPosition({ lineNumber: n - 1, column: 5 }); e.trigger('shot', 'editor.action.triggerSuggest', {}) })
await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 15000 })
await page.waitForTimeout(800)
await page.keyboard.press('Control+Space') // the details pane beside the list
await page.waitForTimeout(1200)
await page.screenshot({ path: out })
await browser.close()

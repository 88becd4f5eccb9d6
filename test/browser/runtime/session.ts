// One headless Chromium page serving the built plugin on the Obsidian stand-in, for the browser tests.
// Only loopback: every other request the page makes (a hostile <img src=x> included) is refused and recorded.
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildPlugin, buildRuntime, PAGE_HTML, readText, ROOT, serve, wrapCommonJs, type Served } from "./server";

export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

export interface BrowserSession {
	page: Page;
	served: Served;
	/** Uncaught exceptions and console errors in the page (tests clear it when they start a vault). */
	pageErrors: string[];
	/** Requests to anything but the loopback server, refused. */
	offsiteRequests: string[];
	close(): Promise<void>;
}

/** Builds main.js and the page runtime, serves them with styles.css and the theme, and opens a page. */
export async function openSession(): Promise<BrowserSession> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (this test never downloads a browser).`);
	}
	const styles = readText(path.join(ROOT, "styles.css"));
	if (styles === null) throw new Error("styles.css is missing at the repo root: the panel would render unstyled.");
	const [mainJs, runtime] = [buildPlugin(), await buildRuntime()];
	const served = await serve({
		"/index.html": PAGE_HTML,
		"/favicon.ico": "",
		"/obsidian-theme.css": readText(path.join(__dirname, "obsidian-theme.css")) ?? "",
		"/styles.css": styles,
		"/page.js": runtime,
		"/plugin.js": wrapCommonJs(mainJs),
	});
	const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	const context = await browser.newContext({ viewport: { width: 1040, height: 900 }, deviceScaleFactor: 1, colorScheme: "light", locale: "en-US", timezoneId: "UTC" });
	const pageErrors: string[] = [];
	const offsiteRequests: string[] = [];
	await context.route("**/*", (route) => {
		const url = new URL(route.request().url());
		if (url.origin === served.url) return route.continue();
		offsiteRequests.push(url.href);
		return route.abort();
	});
	const page = await context.newPage();
	page.on("pageerror", (error) => pageErrors.push(error.message));
	page.on("console", (message) => {
		if (message.type() === "error") pageErrors.push(message.text());
	});
	return {
		page,
		served,
		pageErrors,
		offsiteRequests,
		async close() {
			await browser.close();
			await served.close();
		},
	};
}

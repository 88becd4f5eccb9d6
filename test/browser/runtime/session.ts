// One headless Chromium page serving the built plugin on the Obsidian stand-in, for the browser tests.
// Only loopback: every other request the page makes (a hostile <img src=x> included) is refused and recorded.
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Driver, Manifest } from "./page";
import { buildPlugin, buildRuntime, PAGE_HTML, readText, ROOT, serve, wrapCommonJs, type Served } from "./server";

export const CHROMIUM = "/usr/bin/chromium";
/** Where the browser tests save the screenshots the README shows. */
export const IMAGES = path.join(ROOT, "docs/images");
/** The plugin's own manifest.json, so the page loads it as Obsidian would (its version included). */
const MANIFEST = JSON.parse(readText(path.join(ROOT, "manifest.json")) ?? "null") as Manifest;
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
	/** Loads the page afresh and starts the plugin (with its manifest.json) on a vault of `files` (path -> text). */
	start(files: Record<string, string>): Promise<void>;
	/** Calls the in-page driver (runtime/page.ts) and waits for it. */
	call<K extends Calls>(method: K, ...args: Parameters<Driver[K]>): Promise<Awaited<ReturnType<Driver[K]>>>;
	close(): Promise<void>;
}

export type Calls = { [K in keyof Driver]: Driver[K] extends (...args: never[]) => unknown ? K : never }[keyof Driver];

/** Calls the in-page driver (runtime/page.ts) and waits for it. */
function callDriver<K extends Calls>(page: Page, method: K, ...args: Parameters<Driver[K]>): Promise<Awaited<ReturnType<Driver[K]>>> {
	return page.evaluate(
		({ method, args }) => {
			const driver = (window as unknown as { ctDriver: Record<string, (...a: unknown[]) => unknown> }).ctDriver;
			return driver[method]?.(...args);
		},
		{ method: method as string, args: args as unknown[] },
	) as Promise<Awaited<ReturnType<Driver[K]>>>;
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
		async start(files) {
			pageErrors.length = 0;
			await page.goto(served.url);
			const ready = await page.evaluate(() => "ctDriver" in window && "ConversationThreads" in window);
			if (!ready) throw new Error(`the page did not load its scripts: ${pageErrors.join("; ") || "no error reported"}`);
			await page.evaluate(({ files, manifest }) => (window as unknown as { ctDriver: Driver }).ctDriver.start(files, manifest), { files, manifest: MANIFEST });
		},
		call: (method, ...args) => callDriver(page, method, ...args),
		async close() {
			await browser.close();
			await served.close();
		},
	};
}

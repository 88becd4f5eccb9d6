// The built main.js in headless Chromium, on the Obsidian stand-in, with Obsidian-like CSS:
// clicks through a thread, checks what the panel shows, renders hostile note text as text, saves screenshots.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "./runtime/page";
import { markdownFiles, ROOT } from "./runtime/server";
import { IMAGES, openSession, type BrowserSession } from "./runtime/session";

const FOURIER = "Chats/claude/fourier/what is a fourier transform.md";
const WINDOWING = "Chats/claude/fourier/why do we need windowing.md";
const LEAKAGE = "Chats/claude/fourier/spectral leakage in practice.md";
const HOSTILE_IMG = "Chats/hostile/hostile img.md";
const HOSTILE_SCRIPT = "Chats/hostile/hostile script.md";
const IMG = "<img src=x onerror=window.__pwned=1>";
const SCRIPT = "<script>window.__pwned2=1</script>";

/** The example vault (examples/vault) plus the hostile notes next to this test. */
function vaultFiles(): Record<string, string> {
	const example = path.join(ROOT, "examples/vault");
	if (!existsSync(path.join(example, "Chats"))) throw new Error(`the example vault is missing: ${example}`);
	return { ...markdownFiles(example), ...markdownFiles(path.join(__dirname, "fixtures"), "Chats/hostile") };
}

let session: BrowserSession;
let page: Page;
let pageErrors: string[];
let offsiteRequests: string[];

beforeAll(async () => {
	session = await openSession();
	({ page, pageErrors, offsiteRequests } = session);
}, 90_000);

afterAll(async () => {
	await session?.close();
});

/** Fresh page, plugin loaded on the vault, index built. */

const startVault = (): Promise<void> => session.start(vaultFiles());

/** Text of the panel elements matching `selector`, whitespace collapsed. */
function texts(selector: string): Promise<string[]> {
	return page
		.locator(`.conversation-threads-panel ${selector}`)
		.evaluateAll((els) => els.map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim()));
}

/** Panel elements that stick out past the panel's right padding edge (cut off or scrolled sideways in a sidebar). */
function overflowing(): Promise<string[]> {
	return page.locator(".conversation-threads-panel").evaluate((panel) => {
		const box = panel.getBoundingClientRect();
		const right = box.left + panel.clientWidth - parseFloat(getComputedStyle(panel).paddingRight) + 0.5;
		const out: string[] = [];
		for (const el of panel.querySelectorAll<HTMLElement>("*")) {
			if (el.getBoundingClientRect().right > right) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").slice(0, 40)}"`);
		}
		if (panel.scrollWidth > panel.clientWidth) out.push(`panel scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`);
		return out;
	});
}

/** The one entry marked current (aria-current), whitespace collapsed. */
async function current(): Promise<string[]> {
	return texts("[aria-current]");
}

describe("the built plugin in Chromium", () => {
	it("shows the thread, its source and unresolved links, and walks it with real clicks", async () => {
		await startVault();
		await session.call("open", FOURIER);
		await session.call("openPanel");

		expect(await texts(".conversation-threads-title")).toEqual(["what is a fourier transform"]);
		expect(await texts(".conversation-threads-header .conversation-threads-chip")).toEqual(["Claude", "signal-processing"]);
		expect(await texts(".conversation-threads-thread .conversation-threads-section-title")).toEqual(["Exchange 2 of 6"]);
		expect(await texts(".conversation-threads-entry")).toEqual([
			"the signal processing roadmapMissing",
			"what is a fourier transformFork",
			"why do we need windowing",
			"spectral leakage in practice",
			"the window functions comparedMissing",
			"explain the fft algorithmMissing",
		]);
		expect(await current()).toEqual(["what is a fourier transformFork"]);
		expect(await texts(".conversation-threads-unresolved li")).toEqual([
			"diffusion models1",
			"explain the fft algorithm1",
			"nyquist frequency1",
			"signal processing1",
			"the signal processing roadmap1Repaired from [[the [[signal processing]] roadmap]]",
		]);
		expect(await texts(".conversation-threads-copy")).toContain("f0e1d2c3-0000-4000-8000-00000000f001");
		// The fake editor shows the note the workspace opened.
		await expect(page.locator(".mod-root .inline-title").textContent()).resolves.toBe("what is a fourier transform");

		// A real mouse click on "Next": the workspace opens the next exchange and the panel follows.
		await page.getByRole("button", { name: "Next exchange" }).click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe(WINDOWING);
		expect(await texts(".conversation-threads-title")).toEqual(["why do we need windowing"]);
		expect(await texts(".conversation-threads-thread .conversation-threads-section-title")).toEqual(["Exchange 3 of 6"]);
		expect(await current()).toEqual(["why do we need windowing"]);
		await expect(page.locator(".mod-root .inline-title").textContent()).resolves.toBe("why do we need windowing");

		// Clicking an entry further down the thread.
		await page.locator(".conversation-threads-entry", { hasText: "spectral leakage in practice" }).getByRole("button").click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe(LEAKAGE);
		expect(await texts(".conversation-threads-thread .conversation-threads-section-title")).toEqual(["Exchange 4 of 6"]);
		expect(await current()).toEqual(["spectral leakage in practice"]);
		expect(await texts(".conversation-threads-unresolved li")).toEqual(
			expect.arrayContaining(["the window functions compared1Repaired from [[the [[window functions]] compared]]"]),
		);

		// "Previous" walks back.
		await page.getByRole("button", { name: "Previous exchange" }).click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe(WINDOWING);
		expect(await current()).toEqual(["why do we need windowing"]);

		expect(pageErrors).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { ctDriver: Driver }).ctDriver.errors)).toEqual([]);
	});

	it("fits the sidebar and follows the theme; saves light and dark screenshots", async () => {
		await startVault();
		await session.call("open", WINDOWING);
		await session.call("openPanel");
		mkdirSync(IMAGES, { recursive: true });
		const colours: Record<string, { text: string; background: string }> = {};
		for (const theme of ["light", "dark"] as const) {
			await session.call("setTheme", theme);
			const panel = page.locator(".conversation-threads-panel");
			// Nothing in the panel is wider than the ~350px sidebar.
			expect(await overflowing()).toEqual([]);
			colours[theme] = await panel.evaluate((el) => {
				const title = el.querySelector(".conversation-threads-title") ?? el;
				const root = el.closest(".workspace-split") ?? el;
				return { text: getComputedStyle(title).color, background: getComputedStyle(root).backgroundColor };
			});
			await page.mouse.move(0, 0);
			await page.screenshot({ path: path.join(IMAGES, `panel-${theme}.png`) });
		}
		// The panel takes its colours from Obsidian's variables, so they change with the theme.
		expect(colours.light?.text).not.toBe(colours.dark?.text);
		expect(colours.light?.background).not.toBe(colours.dark?.background);
		expect(pageErrors).toEqual([]);
	});

	it("renders hostile titles, tags and links as text, never as elements", async () => {
		await startVault();
		await session.call("open", HOSTILE_IMG);
		await session.call("openPanel");
		const panel = page.locator(".conversation-threads-panel");

		const shown = await panel.innerText();
		expect(shown).toContain(IMG);
		expect(shown).toContain(SCRIPT);
		expect(await texts(".conversation-threads-title")).toEqual([`${IMG} and ${SCRIPT}`]);
		expect(await texts(".conversation-threads-header .conversation-threads-chip")).toEqual([SCRIPT, IMG]);
		expect(await texts(".conversation-threads-entry")).toEqual([`${SCRIPT}Missing`, `${IMG} and ${SCRIPT}`, SCRIPT]);
		expect(await texts(".conversation-threads-tag")).toEqual([`#${IMG}`, `#${SCRIPT}`]);
		expect(await texts(".conversation-threads-unresolved .conversation-threads-entry-label")).toEqual([IMG, SCRIPT]);

		// Walk to the second hostile note: its title (a script tag) is a thread entry and the panel title.
		await page.getByRole("button", { name: "Next exchange" }).click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe(HOSTILE_SCRIPT);
		expect(await texts(".conversation-threads-title")).toEqual([SCRIPT]);
		expect(await current()).toEqual([SCRIPT]);

		// Let any handler that could have been attached run, then check nothing executed or was created.
		await page.waitForTimeout(200);
		for (const path of [HOSTILE_IMG, HOSTILE_SCRIPT]) {
			await session.call("open", path);
			expect(await panel.locator("img, script, iframe, object, embed, b").count()).toBe(0);
			expect(await panel.locator("[onerror], [onload], [onclick]").count()).toBe(0);
		}
		expect(await page.evaluate(() => [typeof (window as unknown as Record<string, unknown>).__pwned, typeof (window as unknown as Record<string, unknown>).__pwned2])).toEqual([
			"undefined",
			"undefined",
		]);
		expect(offsiteRequests).toEqual([]);
		expect(pageErrors).toEqual([]);
	});

	it("wraps long unbreakable titles, tags, ids and links inside the sidebar", async () => {
		await startVault();
		await session.call("open", HOSTILE_IMG);
		await session.call("openPanel");
		expect(await overflowing()).toEqual([]);
		expect(pageErrors).toEqual([]);
	});
});

// The thread report tab and the "Create notes for unresolved links" modal of the built plugin in headless Chromium,
// on the Obsidian stand-in with Obsidian-like CSS: checks what they show, clicks through them, saves screenshots.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "./runtime/page";
import { markdownFiles, ROOT } from "./runtime/server";
import { IMAGES, openSession, type BrowserSession } from "./runtime/session";

const WINDOWING = "Chats/claude/fourier/why do we need windowing.md";

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

/** A note with a link whose target can't be a file name. */
const ODD_LINKS = { "Scratch/odd links.md": "A raw title becomes the generator's file name: [[what is 2 * 3?]]. One that can't become a note: [[con]].\n" };

const startVault = (extra: Record<string, string> = {}): Promise<void> =>
	session.start({ ...markdownFiles(path.join(ROOT, "examples/vault")), ...extra });

function texts(selector: string): Promise<string[]> {
	return page.locator(selector).evaluateAll((els) => els.map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim()));
}

/** Elements of the open report or modal that stick out past their scroll box's right padding edge. */
function overflowing(selector: string): Promise<string[]> {
	return page.locator(selector).evaluate((root) => {
		const box = root.getBoundingClientRect();
		const right = box.left + root.clientLeft + root.clientWidth - parseFloat(getComputedStyle(root).paddingRight) + 0.5;
		const out: string[] = [];
		for (const el of root.querySelectorAll<HTMLElement>("*")) {
			// The close button sits in the modal's corner, over its padding, as in Obsidian.
			if (el.closest(".modal-close-button")) continue;
			if (el.getBoundingClientRect().right > right) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").slice(0, 40)}"`);
		}
		if (root.scrollWidth > root.clientWidth) out.push(`scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
		return out;
	});
}

const REPORT = ".workspace-split.mod-root .conversation-threads-report";
const MODAL = ".modal-container .modal";
/** `CT_EXTRA=<dir>` also saves the bottom of the report and the list of created notes there, to look at. */

/** The example vault with the note of the fourier thread open, the thread panel in the sidebar, and the report tab. */
async function openReport(): Promise<void> {
	await startVault();
	await session.call("open", WINDOWING);
	await session.call("openPanel");
	await session.call("runCommand", "show-thread-report");
}

describe("the thread report tab in Chromium", () => {
	it("shows the figures and sections in a main-area tab, and opens a diagnostic's note at its line", async () => {
		await openReport();
		const report = page.locator(REPORT);
		await expect(report.isVisible()).resolves.toBe(true);
		// It took the note's place as the visible tab; the note's tab is hidden behind it.
		await expect(page.locator(".mod-root .inline-title").isVisible()).resolves.toBe(false);
		expect(await texts(".mod-root .workspace-leaf:visible .view-header-title")).toEqual(["Thread report"]);

		expect(await texts(`${REPORT} .conversation-threads-report-header h4`)).toEqual(["Thread report"]);
		expect(await texts(`${REPORT} .conversation-threads-actions button`)).toEqual(["Copy as Markdown", "Create notes for unresolved links"]);
		expect(await texts(`${REPORT} .conversation-threads-figure`)).toEqual(["36Files", "33Conversation notes", "13Threads", "4Broken chains"]);
		expect(await texts(`${REPORT} > details.conversation-threads-section > summary`)).toEqual([
			"Longest threads (10)",
			"Broken chains (4)",
			"Titles used in several conversations (0)",
			"Files holding several documents (0)",
			"Diagnostics (1)",
			"Most-linked unresolved targets (11)",
		]);
		// Sections with something in them start open; empty ones start closed and say why they are empty.
		expect(await report.locator(":scope > details").evaluateAll((els) => els.map((el) => (el as HTMLDetailsElement).open))).toEqual([true, true, false, false, true, true]);
		expect(await texts(`${REPORT} > details:not([open]) > .conversation-threads-muted`)).toEqual([
			"No title is shared across conversations.",
			"Every file holds one document.",
		]);
		const longest = await texts(`${REPORT} > details:nth-of-type(1) li`);
		expect(longest[0]).toBe("6 exchanges (3 missing) · Chats/claude/fourier/what is a fourier transform.md");
		expect(longest).toHaveLength(10);
		expect(await texts(`${REPORT} > details:nth-of-type(2) > ul > li > .conversation-threads-muted`)).toEqual([
			"8fcecd0f-193e-4b76-b760-649e0798cf8e",
			"c9",
			"f0e1d2c3-0000-4000-8000-00000000f001",
			"oai-kalman-7",
		]);
		const unresolved = await texts(`${REPORT} > details:nth-of-type(6) li`);
		expect(unresolved).toHaveLength(11);
		expect(unresolved[0]).toBe("diffusion models4 · first linked from Chats/claude/fourier/what is a fourier transform.md");
		expect(await overflowing(REPORT)).toEqual([]);

		// Diagnostics are grouped by code, each group folded; unfolding one shows path:line links.
		const diagnostics = report.locator(":scope > details:nth-of-type(5)");
		expect(await texts(`${REPORT} > details:nth-of-type(5) li > details > summary`)).toEqual(["yaml-invalid (1)"]);
		await diagnostics.locator("li > details > summary").click();
		const link = diagnostics.locator("a.conversation-threads-link");
		await expect(link.isVisible()).resolves.toBe(true);
		const where = (await link.textContent()) ?? "";
		const match = /^(.+\.md):(\d+)$/.exec(where);
		expect(match, `a diagnostic link reads path:line, got "${where}"`).not.toBeNull();
		const [, notePath, line] = match as RegExpExecArray;
		expect(await session.call("exists", notePath as string)).toBe(true);
		await link.click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe(notePath);
		expect(await session.call("openState")).toEqual({ eState: { line: Number(line) - 1 } });
		// The note's tab came to the front with the note in it; the report went behind.
		await expect(page.locator(".mod-root .inline-title").textContent()).resolves.toBe(path.posix.basename(notePath as string, ".md"));
		await expect(page.locator(".mod-root .inline-title").isVisible()).resolves.toBe(true);
		await expect(report.isVisible()).resolves.toBe(false);

		// A plain path link (no line) opens the note without a line to scroll to.
		await session.call("runCommand", "show-thread-report");
		await report.locator("a", { hasText: "Chats/edge cases/summary.md" }).first().click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe("Chats/edge cases/summary.md");
		expect(await session.call("openState")).toEqual({});

		expect(pageErrors).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { ctDriver: Driver }).ctDriver.errors)).toEqual([]);
	});

	it("follows the theme; saves light and dark screenshots", async () => {
		await openReport();
		mkdirSync(IMAGES, { recursive: true });
		const colours: Record<string, { text: string; figure: string }> = {};
		for (const theme of ["light", "dark"] as const) {
			await session.call("setTheme", theme);
			colours[theme] = await page.locator(REPORT).evaluate((el) => ({
				text: getComputedStyle(el.querySelector("summary") ?? el).color,
				figure: getComputedStyle(el.querySelector(".conversation-threads-figure") ?? el).backgroundColor,
			}));
			await page.mouse.move(0, 0);
			await page.screenshot({ path: path.join(IMAGES, `report-${theme}.png`) });
		}
		if (process.env.CT_EXTRA) {
			await page.locator(`${REPORT} li > details > summary`).click();
			await page.locator(REPORT).evaluate((el) => el.scrollTo(0, el.scrollHeight));
			await page.screenshot({ path: path.join(process.env.CT_EXTRA, "report-bottom.png") });
		}
		expect(colours.light?.text).not.toBe(colours.dark?.text);
		expect(colours.light?.figure).not.toBe(colours.dark?.figure);
		expect(pageErrors).toEqual([]);
	});

	it("opens the create-notes modal for the whole vault from its button", async () => {
		await openReport();
		await page.locator(REPORT).getByRole("button", { name: "Create notes for unresolved links" }).click();
		expect(await session.call("renderModals")).toBe(1);
		expect(await texts(`${MODAL} .modal-title`)).toEqual(["Create notes for unresolved links"]);
		expect(await texts(`${MODAL} .conversation-threads-scope button[aria-pressed="true"]`)).toEqual(["Whole vault"]);
		expect(pageErrors).toEqual([]);
	});
});

describe("the create-notes modal in Chromium", () => {
	it("lists the thread's targets, switches to the whole vault, creates the notes and offers to trash them", async () => {
		await startVault(ODD_LINKS);
		await session.call("open", WINDOWING);
		await session.call("openPanel");
		await session.call("runCommand", "create-notes-for-unresolved-links");
		const modal = page.locator(MODAL);
		await expect(modal.isVisible()).resolves.toBe(true);
		expect(await texts(`${MODAL} .modal-title`)).toEqual(["Create notes for unresolved links"]);
		expect(await texts(`${MODAL} .conversation-threads-scope button`)).toEqual(["This thread", "Whole vault"]);
		expect(await texts(`${MODAL} .conversation-threads-scope button[aria-pressed="true"]`)).toEqual(["This thread"]);

		const rows = () => texts(`${MODAL} .conversation-threads-create-row`);
		const button = modal.locator(".modal-button-container button.mod-cta");
		const thread = await rows();
		expect(thread).toEqual([
			"window functions3Creates window functions.md",
			"diffusion models1Creates diffusion models.md",
			"explain the fft algorithm1Creates explain the fft algorithm.md",
			"nyquist frequency1Creates nyquist frequency.md",
			"signal processing1Creates signal processing.md",
			"the signal processing roadmap1Creates the signal processing roadmap.md",
			"the window functions compared1Creates the window functions compared.md",
		]);
		await expect(button.textContent()).resolves.toBe("Create 7 notes");
		expect(await modal.locator("input[type=checkbox]:checked").count()).toBe(7);
		// Unticking a row (a click on its label text) takes it out of the count.
		await modal.locator(".conversation-threads-create-row", { hasText: "nyquist frequency" }).locator(".conversation-threads-create-target").click();
		await expect(button.textContent()).resolves.toBe("Create 6 notes");
		await modal.locator(".conversation-threads-create-row", { hasText: "nyquist frequency" }).locator("input").click();
		await expect(button.textContent()).resolves.toBe("Create 7 notes");

		// The whole vault: more targets, and a row that can't be a file name is shown with its reason and can't be ticked.
		await modal.getByRole("button", { name: "Whole vault" }).click();
		expect(await texts(`${MODAL} .conversation-threads-scope button[aria-pressed="true"]`)).toEqual(["Whole vault"]);
		const vault = await rows();
		expect(vault.length).toBeGreaterThan(thread.length);
		const creatable = await modal.locator(".conversation-threads-create-row.conversation-threads-is-create").count();
		const blocked = await texts(`${MODAL} .conversation-threads-create-row:not(.conversation-threads-is-create)`);
		// The page's vault holds the Markdown notes only, so the image embed is unresolved here: it is refused, not made a note.
		expect(blocked).toEqual([
			"con1Can't be a file name. A name Windows reserves.",
			"lattice.png1Can't be a file name. Points to a png file, not a note: add the file to the vault instead.",
		]);
		expect(await texts(`${MODAL} .conversation-threads-create-row`)).toContain("what is 2 * 3?1Creates what is 2 3.md");
		expect(creatable + blocked.length).toBe(vault.length);
		expect(await modal.locator("input[type=checkbox]:checked").count()).toBe(creatable);
		expect(await modal.locator("input[type=checkbox]:disabled").count()).toBe(blocked.length);
		await expect(button.textContent()).resolves.toBe(`Create ${creatable} notes`);
		expect(await texts(`${MODAL} > .modal-content > p.conversation-threads-muted`)).toEqual([
			`${creatable} of ${vault.length} targets selected. New notes go to the vault root; existing files are never overwritten.`,
		]);
		expect(await overflowing(MODAL)).toEqual([]);
		expect(await overflowing(`${MODAL} .conversation-threads-create-list`)).toEqual([]);
		await page.mouse.move(0, 0);
		mkdirSync(IMAGES, { recursive: true });
		await page.screenshot({ path: path.join(IMAGES, "create-notes-light.png") });

		const planned = await modal
			.locator(".conversation-threads-create-row.conversation-threads-is-create .conversation-threads-muted")
			.evaluateAll((els) => els.map((el) => (el.textContent ?? "").replace(/^Creates /, "")));
		// Named as the generator names such a title (two spaces where the `*` was), so the link resolves to it.
		expect(planned).toContain("what is 2  3.md");
		await button.click();
		await expect(modal.locator("button", { hasText: "Move to trash" }).first().waitFor()).resolves.toBeUndefined();
		await session.call("settle");
		expect(await texts(`${MODAL} .conversation-threads-create-row a.conversation-threads-link`)).toEqual(planned.map((p) => p.replace(/\s+/g, " ")));
		for (const created of planned) expect(await session.call("exists", created)).toBe(true);
		expect(await modal.locator("button", { hasText: "Move to trash" }).count()).toBe(planned.length);
		expect(await session.call("notices")).toContain(`Created ${planned.length} notes`);
		expect(await overflowing(MODAL)).toEqual([]);
		await page.mouse.move(0, 0);
		if (process.env.CT_EXTRA) await page.screenshot({ path: path.join(process.env.CT_EXTRA, "created.png") });

		// Trash one of them: the button says so and the file is gone; the others stay.
		const first = planned[0] as string;
		const trash = modal.locator(".conversation-threads-create-row", { hasText: first }).getByRole("button");
		await trash.click();
		await expect(trash.textContent()).resolves.toBe("Moved to trash");
		await expect(trash.isDisabled()).resolves.toBe(true);
		expect(await session.call("exists", first)).toBe(false);
		expect(await session.call("exists", planned[1] as string)).toBe(true);

		// The created note opens from its link.
		await modal.locator("a.conversation-threads-link", { hasText: planned[1] as string }).click();
		await session.call("settle");
		expect(await session.call("activePath")).toBe(planned[1]);

		expect(pageErrors).toEqual([]);
		expect(offsiteRequests).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { ctDriver: Driver }).ctDriver.errors)).toEqual([]);
	});
});

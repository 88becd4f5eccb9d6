// The thread report tab and the "create notes for unresolved links" modal: their view, commands and openers.
import type { App, Plugin } from "obsidian";
import { missingExchangeText } from "../core/missing-exchange";
import type { FormatOptions } from "../core/note-record";
import type { ThreadIndexReader } from "../core/thread-model";
import { CreateNotesModal, type CreateScope } from "./create-notes-modal";
import { REPORT_VIEW_TYPE, ReportView, type ReportHost } from "./report-view";

/** Shows the report tab, reusing an open one. */
export async function openReport(app: App): Promise<void> {
	const existing = app.workspace.getLeavesOfType(REPORT_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getLeaf("tab");
	if (!existing) await leaf.setViewState({ type: REPORT_VIEW_TYPE, active: true });
	await app.workspace.revealLeaf(leaf);
}

/**
 * What a note created for `target` starts with: a target that is a missing exchange of a thread gets that
 * thread's conversation tag and neighbour links (so it takes its place); any other target an empty note.
 */
export function noteTextFor(index: ThreadIndexReader, format: FormatOptions, target: string): string {
	const key = target.trim().toLowerCase();
	for (const thread of index.threads()) {
		if (!thread.missing.includes(key)) continue;
		const at = thread.entries.findIndex((e) => e.kind === "missing" && e.target === key);
		if (at >= 0) return missingExchangeText(thread, at, format);
	}
	return "";
}

/** Opens the modal for the active note's thread (when it has one) or the whole vault. */
export function openCreateNotesModal(host: ReportHost, scope: CreateScope): void {
	const active = host.app.workspace.getActiveFile();
	const threadId = active ? (host.indexer.index.threadsOf(active.path)[0]?.id ?? null) : null;
	new CreateNotesModal(host.app, {
		index: host.indexer.index,
		folder: host.settings.newNoteFolder,
		threadId,
		scope,
		openPath: (path, newLeaf) => host.openPath(path, newLeaf),
		noteText: (target) => noteTextFor(host.indexer.index, host.settings.format, target),
	}).open();
}

export function registerReport(plugin: Plugin, host: ReportHost): void {
	plugin.registerView(REPORT_VIEW_TYPE, (leaf) => new ReportView(leaf, host));
	plugin.registerHoverLinkSource(REPORT_VIEW_TYPE, { display: "Conversation Threads report", defaultMod: true });
	plugin.addCommand({ id: "show-thread-report", name: "Show thread report", callback: () => void openReport(host.app) });
	plugin.addCommand({
		id: "create-notes-for-unresolved-links",
		name: "Create notes for unresolved links",
		callback: () => host.createNotesForUnresolved(host.settings.unresolvedScope),
	});
}
